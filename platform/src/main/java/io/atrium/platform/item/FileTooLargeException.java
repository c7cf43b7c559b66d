package io.atrium.platform.item;

/** An upload went over the size limit; nothing of it was kept. */
public class FileTooLargeException extends RuntimeException {

    private final long limit;

    public FileTooLargeException(long limit) {
        super("The file is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
