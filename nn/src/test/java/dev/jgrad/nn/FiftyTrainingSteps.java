package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Trains a small MLP (40-32-32-5 with Tanh and ReLU, cross-entropy, SGD with momentum) for 50
 * steps of batch 16 from fixed seeds, and prints the SHA-256 of its weights' bits. With the
 * argument {@code warm N} it first runs the same training N times, so that the JIT has compiled
 * the kernels, and checks that every run gave the same weights. {@link WarmupDeterminismTest}
 * runs it in fresh JVMs under several JIT settings.
 */
final class FiftyTrainingSteps {
    static final int STEPS = 50;

    private FiftyTrainingSteps() {}

    /** The SHA-256 (hex) of the weights after {@link #STEPS} steps. */
    static String train() {
        Generator g = new Generator(17);
        Module net = new Sequential(
                new Linear(40, 32, true, g),
                new Tanh(),
                new Linear(32, 32, true, g),
                new ReLU(),
                new Linear(32, 5, true, g));
        SGD optimizer = new SGD(net.parameters(), 0.05, 0.9, 0, 0, false);
        Generator data = new Generator(18);
        for (int step = 0; step < STEPS; step++) {
            Tensor x = Tensor.of(NDArray.randn(data, 16, 40));
            Tensor y = Tensor.of(NDArray.randint(data, 0, 5, 16));
            Tensor loss = F.crossEntropy(net.call(x), y);
            optimizer.zeroGrad();
            loss.backward();
            optimizer.step();
        }
        return digest(net);
    }

    private static String digest(Module net) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Tensor p : net.parameters()) {
                float[] w = p.data().toFloatArray();
                ByteBuffer bits = ByteBuffer.allocate(4 * w.length);
                for (float v : w) {
                    bits.putInt(Float.floatToRawIntBits(v));
                }
                sha.update(bits.array());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        int warmRuns = args.length == 2 && args[0].equals("warm") ? Integer.parseInt(args[1]) : 0;
        String first = train();
        for (int r = 0; r < warmRuns; r++) {
            String again = train();
            if (!again.equals(first)) {
                System.out.println("run " + (r + 2) + " of one JVM gave " + again + " after " + first);
                System.exit(3);
            }
        }
        System.out.println("weights " + first);
    }
}
