package dev.jgrad.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download path against a loopback server: good files, a wrong checksum, a cut connection, no server. */
class MnistDownloadTest {
    @TempDir
    Path root;

    private HttpServer server;
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, String> md5s = new HashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private String base;

    @BeforeEach
    void startServer() throws Exception {
        Random rnd = new Random(7);
        byte[] trainImages = new byte[6 * 28 * 28];
        byte[] testImages = new byte[3 * 28 * 28];
        rnd.nextBytes(trainImages);
        rnd.nextBytes(testImages);
        put("train-images-idx3-ubyte.gz", IdxData.ofUnsignedBytes(trainImages, 6, 28, 28));
        put("train-labels-idx1-ubyte.gz", IdxData.ofUnsignedBytes(new byte[] {0, 1, 2, 3, 4, 9}, 6));
        put("t10k-images-idx3-ubyte.gz", IdxData.ofUnsignedBytes(testImages, 3, 28, 28));
        put("t10k-labels-idx1-ubyte.gz", IdxData.ofUnsignedBytes(new byte[] {5, 6, 7}, 3));

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good/", ex -> serve(ex, body(ex), false));
        // Every file with one byte changed: its checksum is wrong.
        server.createContext("/wrong/", ex -> {
            byte[] b = body(ex).clone();
            b[b.length - 9] ^= 1;
            serve(ex, b, false);
        });
        // The connection drops half way through each file.
        server.createContext("/cut/", ex -> serve(ex, body(ex), true));
        // Good files, except the test labels, whose checksum is wrong.
        server.createContext("/mixed/", ex -> {
            byte[] b = body(ex);
            if (ex.getRequestURI().getPath().endsWith("t10k-labels-idx1-ubyte.gz")) {
                b = b.clone();
                b[b.length - 1] ^= 1;
            }
            serve(ex, b, false);
        });
        server.createContext("/moved/", ex -> {
            requests.add(ex.getRequestURI().getPath());
            ex.getResponseHeaders().add("Location", ex.getRequestURI().getPath().replace("/moved/", "/good/"));
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        System.clearProperty(MnistFiles.MIRRORS_PROPERTY);
    }

    @Test
    void fallsBackPastACutConnectionAndAWrongChecksum() throws IOException {
        MnistFiles f = MnistFiles.download(
                root, MnistKind.FASHION_MNIST, List.of(base + "/cut/", base + "/wrong", base + "/good/"), md5s);
        Path raw = root.resolve("FashionMNIST").resolve("raw");
        assertEquals(raw, f.directory());
        assertEquals(
                List.of(
                        "t10k-images-idx3-ubyte.gz",
                        "t10k-labels-idx1-ubyte.gz",
                        "train-images-idx3-ubyte.gz",
                        "train-labels-idx1-ubyte.gz"),
                list(raw));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(raw.resolve(e.getKey())), e.getKey());
        }
        assertEquals(12, requests.size());
        assertTrue(
                IdxFile.read(f.trainImages()).contentEquals(IdxFile.read(raw.resolve("train-images-idx3-ubyte.gz"))));
    }

    @Test
    void offlineFailureListsEveryUrlTriedAndWhereToPutTheFiles() throws IOException {
        String closed = "http://127.0.0.1:" + closedPort() + "/mnist/";
        IOException e = assertThrows(
                IOException.class,
                () -> MnistFiles.download(
                        root, MnistKind.MNIST, List.of(base + "/cut/", base + "/wrong/", closed), md5s));
        Path raw = root.resolve("MNIST").resolve("raw");
        String m = e.getMessage();
        String f = "train-images-idx3-ubyte.gz";
        int size = files.get(f).length;
        assertTrue(m.startsWith("could not download " + f + "; tried " + base + "/cut/" + f + " ("), m);
        // The JDK reports the short body either as an early end or as "Premature EOF", by version.
        assertTrue(m.contains(f + " (connection cut after " + size / 2 + " of " + size + " bytes"), m);
        assertTrue(m.contains("), " + base + "/wrong/" + f + " (MD5 mismatch: expected " + md5s.get(f) + ", got "), m);
        assertTrue(
                m.contains("), " + closed + f + " (connection refused). To work offline, download "
                        + "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, "
                        + "t10k-labels-idx1-ubyte.gz by hand and put them in " + raw),
                m);
        assertFalse(m.contains("\n"), "one line");
        assertEquals(List.of(), list(raw), "nothing half-written");
    }

    @Test
    void aWrongChecksumLeavesTheGoodFilesAndNothingElse() throws IOException {
        IOException e = assertThrows(
                IOException.class, () -> MnistFiles.download(root, MnistKind.MNIST, List.of(base + "/mixed/"), md5s));
        assertTrue(
                e.getMessage()
                        .startsWith("could not download t10k-labels-idx1-ubyte.gz; tried " + base
                                + "/mixed/t10k-labels-idx1-ubyte.gz (MD5 mismatch: expected "
                                + md5s.get("t10k-labels-idx1-ubyte.gz")),
                e.getMessage());
        Path raw = root.resolve("MNIST").resolve("raw");
        assertEquals(
                List.of("t10k-images-idx3-ubyte.gz", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
                list(raw));

        // A second try fetches only what is missing.
        requests.clear();
        MnistFiles.download(root, MnistKind.MNIST, List.of(base + "/good/"), md5s);
        assertEquals(List.of("/good/t10k-labels-idx1-ubyte.gz"), requests);
        assertEquals(4, list(raw).size());
    }

    @Test
    void filesAlreadyThereNeedNoNetwork() throws IOException {
        Path dir = Files.createDirectories(root.resolve("flat"));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        MnistFiles f =
                MnistFiles.download(dir, MnistKind.MNIST, List.of("http://127.0.0.1:" + closedPort() + "/"), md5s);
        assertEquals(dir, f.directory());
        assertEquals(List.of(), requests);
    }

    @Test
    void followsRedirects() throws IOException {
        MnistFiles.download(root, MnistKind.MNIST, List.of(base + "/moved/"), md5s);
        assertEquals(8, requests.size());
        assertEquals(4, list(root.resolve("MNIST").resolve("raw")).size());
    }

    @Test
    void mirrorsComeFromTheArgumentThenThePropertyThenTheDefaults() throws IOException {
        assertEquals(
                List.of("https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/"),
                MnistFiles.mirrors(MnistKind.MNIST));
        assertEquals(
                List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                MnistFiles.mirrors(MnistKind.FASHION_MNIST));

        System.setProperty(MnistFiles.MIRRORS_PROPERTY, " " + base + "/wrong/ ,, " + base + "/good/");
        assertEquals(List.of(base + "/wrong/", base + "/good/"), MnistFiles.mirrors(MnistKind.MNIST));
        MnistFiles.download(root.resolve("a"), MnistKind.MNIST, null, md5s);
        assertEquals(8, requests.size());

        requests.clear();
        MnistFiles.download(root.resolve("b"), MnistKind.MNIST, List.of(base + "/good/"), md5s);
        assertEquals(4, requests.size());
        assertTrue(requests.stream().allMatch(r -> r.startsWith("/good/")), requests.toString());
    }

    @Test
    void realChecksumsRejectGeneratedFiles() {
        // The public entry point checks torchvision's MD5s, which our generated files cannot match.
        IOException e = assertThrows(
                IOException.class, () -> MnistFiles.download(root, MnistKind.FASHION_MNIST, List.of(base + "/good/")));
        assertTrue(
                e.getMessage().contains("(MD5 mismatch: expected 8d4fb7e6c68d591d4c3dfef9ec88bf0d, got "),
                e.getMessage());
    }

    private byte[] body(HttpExchange ex) throws IOException {
        requests.add(ex.getRequestURI().getPath());
        String path = ex.getRequestURI().getPath();
        byte[] b = files.get(path.substring(path.lastIndexOf('/') + 1));
        if (b == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            throw new IOException("404");
        }
        return b;
    }

    private static void serve(HttpExchange ex, byte[] body, boolean cut) throws IOException {
        ex.sendResponseHeaders(200, body.length);
        OutputStream out = ex.getResponseBody();
        if (!cut) {
            out.write(body);
            out.close();
            return;
        }
        out.write(body, 0, body.length / 2);
        out.flush();
        // An exception out of a handler makes the server drop the connection, mid-body.
        throw new IOException("connection cut on purpose");
    }

    private void put(String name, IdxData data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            IdxFile.write(gz, data);
        }
        files.put(name, bytes.toByteArray());
        md5s.put(name, MnistDownloader.hex(MessageDigest.getInstance("MD5").digest(bytes.toByteArray())));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
