package io.navswap.staff.repository;

/** Lets services recognise a unique-index violation without touching driver types. */
public final class DuplicateKeys {
    private DuplicateKeys() {
    }

    public static boolean is(Throwable failure) {
        return MongoDocs.isDuplicateKey(failure);
    }
}
