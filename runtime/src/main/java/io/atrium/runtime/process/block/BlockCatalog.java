package io.atrium.runtime.process.block;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Every building block the platform has, by job type; features add theirs as beans. */
@Component
public class BlockCatalog {

    /** Job types the platform owns: a service task with one of these needs a registered block. */
    public static final String PREFIX = "atrium:";

    private final Map<String, BuildingBlock> blocks = new TreeMap<>();

    public BlockCatalog(List<BuildingBlock> blocks) {
        for (BuildingBlock block : blocks) {
            if (!block.type().startsWith(PREFIX) || this.blocks.put(block.type(), block) != null) {
                throw new IllegalStateException("Building block types are unique and start with " + PREFIX
                        + ": " + block.type());
            }
        }
    }

    public Optional<BuildingBlock> find(String type) {
        return Optional.ofNullable(blocks.get(type));
    }

    public List<BuildingBlock> all() {
        return List.copyOf(blocks.values());
    }
}
