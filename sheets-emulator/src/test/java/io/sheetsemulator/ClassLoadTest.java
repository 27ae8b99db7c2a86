package io.sheetsemulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Loading the library changes nothing in the JVM; only starting a server does, as documented. */
class ClassLoadTest {

    /** Run in a fresh JVM: prints the property after loading the class, then after a start. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Class.forName(SheetsEmulator.class.getName(), true, Probe.class.getClassLoader());
            System.out.println("loaded:" + System.getProperty(SheetsEmulator.NODELAY));
            try (SheetsEmulator emulator = SheetsEmulator.start()) {
                System.out.println("started:" + System.getProperty(SheetsEmulator.NODELAY));
            }
        }
    }

    private static String probe(String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return out.strip();
    }

    @Test
    void loadingTheClassLeavesTheNoDelayPropertyUnsetAndStartingSetsIt() throws Exception {
        assertEquals("loaded:null\nstarted:true", probe());
    }

    @Test
    void anExplicitNoDelaySettingIsKept() throws Exception {
        assertEquals("loaded:false\nstarted:false", probe("-Dsun.net.httpserver.nodelay=false"));
    }
}
