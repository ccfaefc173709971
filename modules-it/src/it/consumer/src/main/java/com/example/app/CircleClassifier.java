package com.example.app;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.data.DataLoader;
import dev.jgrad.data.TensorDataset;
import dev.jgrad.nn.F;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Generator;
import java.util.List;

/** Which points of the square [-1, 1)² lie inside a circle: an MLP trained on minibatches. */
public final class CircleClassifier {
    public static void main(String[] args) {
        Generator.manualSeed(0);                                   // torch.manual_seed(0)
        Tensor x = Tensor.rand(1000, 2).mul(2).sub(1);             // 1,000 points in [-1, 1)²
        Tensor y = x.pow(2).sum(1).lt(0.5).toLong();               // class 1: inside x² + y² < 0.5
        DataLoader<List<Tensor>> loader =
                DataLoader.builder(new TensorDataset(x, y)).batchSize(50).shuffle(true).build();
        Sequential model = new Sequential(new Linear(2, 32), new ReLU(), new Linear(32, 2));
        Adam optimizer = new Adam(model.parameters(), 0.01);
        for (int epoch = 1; epoch <= 30; epoch++) {
            for (List<Tensor> batch : loader) {                    // batch.get(0): [50, 2], get(1): [50]
                Tensor loss = F.crossEntropy(model.call(batch.get(0)), batch.get(1));
                optimizer.zeroGrad();
                loss.backward();
                optimizer.step();
            }
        }
        double accuracy = model.call(x).argmax(1).eq(y).toFloat().mean().item();
        System.out.printf("accuracy %.3f%n", accuracy);
    }
}
