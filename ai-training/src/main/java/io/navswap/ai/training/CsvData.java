package io.navswap.ai.training;

import io.navswap.ai.model.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Rows of a model as CSV: header {@code group,<features in spec order>,target}. {@code group} keeps related
 * rows together (a station network, an overflow scenario; any unique id per row otherwise); the target is
 * the value to predict, 0/1 for {@code fault}, the class index for {@code action}. Real history exported in
 * this shape replaces the generator for that model.
 */
final class CsvData {
    private CsvData() {
    }

    static List<String> header(ModelSpec spec) {
        List<String> header = new ArrayList<>();
        header.add("group");
        header.addAll(spec.features());
        header.add("target");
        return header;
    }

    static Dataset read(ModelSpec spec, Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty() || !lines.get(0).trim().equals(String.join(",", header(spec)))) {
                throw new IllegalArgumentException(file + ": header must be " + String.join(",", header(spec)));
            }
            Dataset.Builder rows = new Dataset.Builder(spec);
            int width = spec.featureCount() + 2;
            for (int n = 1; n < lines.size(); n++) {
                String[] cells = lines.get(n).split(",", -1);
                if (cells.length != width) {
                    throw new IllegalArgumentException(file + " line " + (n + 1) + ": " + cells.length
                            + " columns, expected " + width);
                }
                double[] features = new double[spec.featureCount()];
                for (int f = 0; f < features.length; f++) {
                    features[f] = parse(file, n, cells[f + 1]);
                }
                rows.add(Integer.parseInt(cells[0].trim()), parse(file, n, cells[width - 1]), features);
            }
            return rows.build("csv " + file.getFileName() + " sha256=" + sha256(bytes).substring(0, 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Dataset data, Path file) {
        StringBuilder csv = new StringBuilder(String.join(",", header(data.spec()))).append('\n');
        for (int i = 0; i < data.rows(); i++) {
            csv.append(data.group()[i]);
            for (float value : data.x()[i]) {
                csv.append(',').append(value);
            }
            csv.append(',').append(data.y()[i]).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double parse(Path file, int line, String cell) {
        try {
            double value = Double.parseDouble(cell.trim());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException("not finite");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + (line + 1) + ": '" + cell + "' is not a number");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
