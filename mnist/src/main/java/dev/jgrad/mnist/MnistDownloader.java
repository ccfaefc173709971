package dev.jgrad.mnist;

import dev.jgrad.tensor.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fetches files from a list of mirrors, first success wins. Each file is checked against its MD5
 * and only then renamed into place, so a cut connection or a wrong file leaves nothing behind.
 */
final class MnistDownloader {
    private static final int CONNECT_TIMEOUT_MS = 15_000;
    private static final int READ_TIMEOUT_MS = 30_000;
    private static final int MAX_REDIRECTS = 5;
    /** The largest published file is 26 MB; a bigger answer is not one of them. */
    private static final long MAX_BYTES = 100L << 20;

    private final List<String> mirrors;
    private final Map<String, String> md5s;

    MnistDownloader(List<String> mirrors, Map<String, String> md5s) {
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("no mirrors to download from");
        }
        this.mirrors = List.copyOf(mirrors);
        this.md5s = Map.copyOf(md5s);
    }

    /** Downloads {@code fileName} to {@code target}; the failure lists each URL tried and why it failed. */
    void fetch(String fileName, Path target, String handInstructions) throws IOException {
        String md5 = md5s.get(fileName);
        if (md5 == null) {
            throw new IllegalArgumentException("no checksum known for " + fileName);
        }
        List<String> failures = new ArrayList<>();
        for (String mirror : mirrors) {
            String url = mirror.endsWith("/") ? mirror + fileName : mirror + "/" + fileName;
            try {
                fetchOne(url, md5, target);
                return;
            } catch (IOException e) {
                failures.add(url + " (" + describe(e) + ")");
            }
        }
        throw new IOException(
                "could not download " + fileName + "; tried " + String.join(", ", failures) + ". " + handInstructions);
    }

    private static void fetchOne(String url, String md5, Path target) throws IOException {
        HttpURLConnection c = connect(url);
        try {
            long length = c.getContentLengthLong();
            if (length > MAX_BYTES) {
                throw new IOException("the server announces " + length + " bytes, more than any of these files");
            }
            AtomicFiles.write(target, out -> {
                MessageDigest digest = md5();
                long total = 0;
                try (InputStream in = c.getInputStream()) {
                    byte[] buf = new byte[1 << 16];
                    while (true) {
                        int n;
                        try {
                            n = in.read(buf);
                        } catch (IOException e) {
                            throw new IOException(cutShort(total, length) + " (" + describe(e) + ")", e);
                        }
                        if (n < 0) {
                            break;
                        }
                        digest.update(buf, 0, n);
                        out.write(buf, 0, n);
                        total += n;
                        if (total > MAX_BYTES) {
                            throw new IOException("more than " + MAX_BYTES + " bytes, more than any of these files");
                        }
                    }
                }
                if (length >= 0 && total != length) {
                    throw new IOException(cutShort(total, length));
                }
                String got = hex(digest.digest());
                if (!got.equalsIgnoreCase(md5)) {
                    throw new IOException("MD5 mismatch: expected " + md5 + ", got " + got);
                }
            });
        } finally {
            c.disconnect();
        }
    }

    private static String cutShort(long received, long length) {
        return "connection cut after " + received + (length >= 0 ? " of " + length : "") + " bytes";
    }

    /** Opens a GET with status 200, following redirects, but never from https down to http. */
    private static HttpURLConnection connect(String url) throws IOException {
        URL current = toUrl(url);
        for (int hop = 0; ; hop++) {
            HttpURLConnection c = (HttpURLConnection) current.openConnection();
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout(CONNECT_TIMEOUT_MS);
            c.setReadTimeout(READ_TIMEOUT_MS);
            int code = c.getResponseCode();
            if (code == 200) {
                return c;
            }
            String location = c.getHeaderField("Location");
            c.disconnect();
            boolean redirect = code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
            if (!redirect || location == null) {
                throw new IOException("HTTP " + code);
            }
            if (hop == MAX_REDIRECTS) {
                throw new IOException("more than " + MAX_REDIRECTS + " redirects");
            }
            URL next = new URL(current, location);
            if (current.getProtocol().equals("https") && !next.getProtocol().equals("https")) {
                throw new IOException("refused redirect from https to " + next);
            }
            current = next;
        }
    }

    private static URL toUrl(String url) throws IOException {
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new MalformedURLException("not an http or https URL");
            }
            return uri.toURL();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new MalformedURLException("bad URL: " + e.getMessage());
        }
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide MD5.
            throw new AssertionError(e);
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
