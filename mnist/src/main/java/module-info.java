/**
 * MNIST and Fashion-MNIST for jgrad: IDX files, finding, downloading and verifying the datasets, an
 * embedded Fashion-MNIST sample (Zalando SE, MIT licence: see {@code dev/jgrad/mnist/sample/} in the
 * jar), and the {@code train} command: {@code java -m dev.jgrad.mnist/dev.jgrad.mnist.TrainCommand}.
 */
module dev.jgrad.mnist {
    requires transitive dev.jgrad.nn;
    requires transitive dev.jgrad.data;

    exports dev.jgrad.mnist;
}
