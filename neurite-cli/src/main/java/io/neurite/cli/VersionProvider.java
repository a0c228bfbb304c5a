package io.neurite.cli;

import io.neurite.kernels.Parallel;
import io.neurite.kernels.VectorSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** {@code neurite --version}: the version, the JVM, and how kernels will run here. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "neurite " + version(),
            "JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version(),
            "kernels: " + (VectorSupport.enabled() ? "Vector API (256-bit)" : "scalar fallback")
                    + ", " + Parallel.threads() + " thread(s)"
        };
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/neurite-version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
