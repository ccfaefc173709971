package dev.jgrad.tensor.io;

import java.io.IOException;

/** A safetensors file that breaks the format; the message names the file and what is wrong. */
public final class SafeTensorsException extends IOException {
    private static final long serialVersionUID = 1L;

    SafeTensorsException(String file, String message) {
        super(file + ": " + message);
    }

    SafeTensorsException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}
