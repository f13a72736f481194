package io.navswap.launcher;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

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

    /**
     * Prints the log records of the libraries the launcher runs in-process (the embedded broker and database): the
     * JBoss LogManager that java.util.logging uses here has no handler of its own, so without this one even their
     * warnings went nowhere.
     */
    static Handler libraryLog() {
        Formatter messages = new SimpleFormatter();
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (!isLoggable(record)) {
                    return;
                }
                String line = record.getLoggerName() + ": " + messages.formatMessage(record);
                if (record.getThrown() != null) {
                    line += " (" + record.getThrown() + ")";
                }
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warn(line);
                } else {
                    step(line);
                }
            }

            @Override
            public void flush() {
                System.out.flush();
                System.err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
    }
}
