package io.atrium.runtime.process.instance;

/** The engine canceled a job (its element was left: a boundary event fired, the instance was canceled). */
public record JobCanceled(long jobKey, String type) {
}
