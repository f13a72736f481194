package io.navswap.launcher;

/** What the launcher tells the person who started it. */
final class Console {
    private Console() {
    }

    static void step(String message) {
        System.out.println("[navswap] " + message);
    }

    static void warn(String message) {
        System.err.println("[navswap] WARNING: " + message);
    }
}
