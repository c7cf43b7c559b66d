package io.atrium.platform.item;

import java.io.IOException;
import java.io.InputStream;

/** A stored file opened for reading; close it when done. */
public record FileDownload(StoredFile file, InputStream content) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        content.close();
    }
}
