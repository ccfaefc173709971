package dev.jgrad.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuDescriptionTest {
    @Test
    void namesFamilyAndModelOfTheFirstProcessor() {
        List<String> cpuinfo = List.of(
                "processor\t: 0",
                "vendor_id\t: AuthenticAMD",
                "cpu family\t: 25",
                "model\t\t: 17",
                "model name\t: AMD EPYC",
                "stepping\t: 1",
                "",
                "processor\t: 1",
                "cpu family\t: 26",
                "model\t\t: 2",
                "model name\t: something else");
        assertEquals("AMD EPYC, family 25 model 17", BenchRunner.describeCpu(cpuinfo, "amd64"));
    }

    @Test
    void keepsTheBareNameWhereThereAreNoNumbers() {
        List<String> cpuinfo = List.of("processor\t: 0", "model name\t: Some CPU", "flags\t: fpu");
        assertEquals("Some CPU", BenchRunner.describeCpu(cpuinfo, "amd64"));
    }

    @Test
    void fallsBackWithoutAModelName() {
        // As on many ARM kernels, which list CPU implementer and part numbers instead.
        List<String> cpuinfo = List.of("processor\t: 0", "BogoMIPS\t: 50.00", "CPU implementer\t: 0x41");
        assertEquals("aarch64", BenchRunner.describeCpu(cpuinfo, "aarch64"));
    }
}
