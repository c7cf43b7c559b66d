package io.atrium.runtime.process.crash;

import io.atrium.platform.item.ItemChangeRelayed;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * For crash tests only: halts the JVM, as a kill would, when the relay hands over the creation of
 * an item titled "crash". With {@code atrium.test.crash-at=before-start} it halts before the
 * process start is raised, with {@code after-start} after it was raised and before the change
 * leaves the item.
 */
@Component
@ConditionalOnProperty("atrium.test.crash-at")
class CrashPoint implements ItemChangeRelayed, Ordered {

    private final boolean beforeStart;

    CrashPoint(@Value("${atrium.test.crash-at}") String at) {
        this.beforeStart = at.equals("before-start");
    }

    @Override
    public void relayed(List<Change> changes) {
        for (Change change : changes) {
            if (change.action().equals("item.created") && "crash".equals(change.changes().get("title"))) {
                System.out.println("HALTING " + (beforeStart ? "before" : "after") + " the start");
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
        }
    }

    @Override
    public int getOrder() {
        return beforeStart ? -100 : 100;
    }
}
