package io.navswap.ai.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.ai.model.ModelCatalog;
import io.navswap.ai.model.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataTest {

    @Test
    void exportedRowsReadBackIdenticallyAndTrainTheSameModel(@TempDir Path dir) {
        ModelSpec spec = ModelCatalog.STATION_RELIABILITY;
        Dataset generated = SyntheticData.generate(spec);
        CsvData.write(generated, dir.resolve(spec.name() + ".csv"));

        Dataset read = TrainingPipeline.data(spec, Optional.of(dir));

        assertTrue(read.source().startsWith("csv station-reliability.csv sha256="), read.source());
        assertArrayEquals(generated.y(), read.y());
        assertArrayEquals(generated.group(), read.group());
        for (int i = 0; i < generated.rows(); i++) {
            assertArrayEquals(generated.x()[i], read.x()[i]);
        }
        TrainingPipeline.Result fromCsv = TrainingPipeline.train(spec, read);
        TrainingPipeline.Result fromGenerator = TrainingPipeline.train(spec, generated);
        assertEquals(fromGenerator.scores(), fromCsv.scores());
    }

    @Test
    void csvWithOtherColumnsIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("load.csv");
        Files.writeString(file, "group,hour,target\n1,8,12\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CsvData.read(ModelCatalog.LOAD, file));
        assertTrue(error.getMessage().contains("header must be group,city_index,capacity"), error.getMessage());
    }

    @Test
    void modelWithoutCsvKeepsItsGenerator(@TempDir Path dir) {
        Dataset data = TrainingPipeline.data(ModelCatalog.LOAD, Optional.of(dir));
        assertEquals(SyntheticData.description(ModelCatalog.LOAD), data.source());
    }
}
