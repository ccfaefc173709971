module com.example.app {
    requires dev.jgrad.nn;   // brings dev.jgrad.autograd and dev.jgrad.tensor
    requires dev.jgrad.data; // Dataset, DataLoader

    // Collate builds batches of your own records by reflection: open their package to it.
    opens com.example.app to dev.jgrad.data;
}
