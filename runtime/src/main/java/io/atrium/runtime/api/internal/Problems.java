package io.atrium.runtime.api.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem statuses an operation answers beyond those every operation may answer (401, 403,
 * 500, and 400, 413, 415 for a body); {@link ApiDescription} documents them with the Problem schema.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Problems {

    /** HTTP statuses, e.g. {@code 404, 409}. */
    int[] value();
}
