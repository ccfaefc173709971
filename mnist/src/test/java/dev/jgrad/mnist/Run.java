package dev.jgrad.mnist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One in-process run of {@code ./jgrad train}: its exit status, stdout lines and stderr. */
record Run(int status, List<String> out, String err) {

    static final Pattern EPOCH = Pattern.compile(
            "epoch (\\d+)/(\\d+)  loss (\\d+\\.\\d{4})  train_acc (\\d\\.\\d{4})  test_acc (\\d\\.\\d{4})  time (\\d+\\.\\d{2})s");
    static final Pattern LAST = Pattern.compile("test accuracy: (\\d\\.\\d{4})");

    /** A folder with nothing in it, standing for every standard data location. */
    private static final Path NOWHERE;

    static {
        try {
            NOWHERE = Files.createTempDirectory("jgrad-train-test");
            NOWHERE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the command with no standard data locations, so that only --data or the embedded sample is found. */
    static Run train(String... args) {
        return train(false, args);
    }

    /** {@code ./jgrad train --data DATA args...}, as {@link #train(String...)}. */
    static Run trainOn(Path data, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return train(all);
    }

    /** {@link #train(String...)}, as on a terminal when {@code progress} is true. */
    static Run train(boolean progress, String... args) {
        return train(progress, new DataChoice(List.of(), NOWHERE.resolve("debian"), NOWHERE.resolve("cache")), args);
    }

    /** Runs the command with {@code standardData} as its standard data locations. */
    static Run train(boolean progress, DataChoice standardData, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TrainCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                progress,
                standardData);
        String text = out.toString(StandardCharsets.UTF_8);
        return new Run(
                status, text.isEmpty() ? List.of() : List.of(text.split("\n")), err.toString(StandardCharsets.UTF_8));
    }

    /** The accuracy on the last line. */
    double accuracy() {
        Matcher m = LAST.matcher(out.get(out.size() - 1));
        assertTrue(m.matches(), "last line: " + out);
        return Double.parseDouble(m.group(1));
    }
}
