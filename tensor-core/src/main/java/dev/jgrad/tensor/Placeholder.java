package dev.jgrad.tensor;
class Placeholder {}
