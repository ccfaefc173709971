package dev.jgrad.spark;

import org.apache.spark.sql.SparkSession;

/** One in-process Spark for the whole test JVM, restarted only when a test needs another master. */
final class TestSpark {
    private static SparkSession session;
    private static String master;

    private TestSpark() {}

    static synchronized SparkSession session(String wanted) {
        if (session != null && wanted.equals(master) && !session.sparkContext().isStopped()) {
            return session;
        }
        if (session != null) {
            session.stop();
        }
        session = SparkSession.builder()
                .master(wanted)
                .appName("jgrad-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        master = wanted;
        return session;
    }

    /** Stops the shared session, for code that starts its own (the command-line tool). */
    static synchronized void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }

    static SparkSession local2() {
        return session("local[2]");
    }
}
