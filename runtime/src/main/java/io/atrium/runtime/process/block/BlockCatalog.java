package io.atrium.runtime.process.block;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every building block the platform has, by job type; features add theirs as beans. Long-running
 * blocks (approvals) are known here too, for publishing, but run on their own workers.
 */
@Component
public class BlockCatalog {

    /** Job types the platform owns: a service task with one of these needs a registered block. */
    public static final String PREFIX = "atrium:";

    private final Map<String, BuildingBlock> blocks = new TreeMap<>();
    private final Map<String, Set<String>> required = new TreeMap<>();

    /** Only blocks that finish at once, e.g. for a test of publishing. */
    public BlockCatalog(List<BuildingBlock> blocks) {
        this(blocks, List.of());
    }

    @Autowired
    public BlockCatalog(List<BuildingBlock> blocks, List<LongRunningBlock> longRunning) {
        for (BuildingBlock block : blocks) {
            register(block.type(), block.requiredFields());
            this.blocks.put(block.type(), block);
        }
        for (LongRunningBlock block : longRunning) {
            register(block.type(), block.requiredFields());
        }
    }

    private void register(String type, Set<String> fields) {
        if (!type.startsWith(PREFIX) || required.put(type, Set.copyOf(fields)) != null) {
            throw new IllegalStateException("Building block types are unique and start with " + PREFIX + ": " + type);
        }
    }

    /** The settings a platform job type requires, if the platform knows the type (short or long-running). */
    public Optional<Set<String>> requiredFields(String type) {
        return Optional.ofNullable(required.get(type));
    }

    /** Every platform job type, short and long-running, with the settings it requires, by type. */
    public Map<String, Set<String>> types() {
        return Map.copyOf(required);
    }

    public Optional<BuildingBlock> find(String type) {
        return Optional.ofNullable(blocks.get(type));
    }

    /** The blocks that finish at once, each run by the shared block workers. */
    public List<BuildingBlock> all() {
        return List.copyOf(blocks.values());
    }
}
