package io.atrium.platform.identity;

import java.util.List;

/** The groups users can belong to. */
public interface GroupDirectory {

    List<UserGroup> all();

    /**
     * @throws IllegalArgumentException if the code is not valid or is taken
     */
    UserGroup create(String code, String name);

    /** Deletes the group and removes it from its members; false if there was no such group. */
    boolean delete(String code);

    boolean exists(String code);
}
