package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The base of every layer and model: PyTorch's {@code nn.Module}.
 *
 * <p>A subclass registers its parameters, buffers and submodules in its constructor, in the order
 * PyTorch would see them assigned, and implements {@link #forward}:
 *
 * <pre>{@code
 * class Model extends Module {
 *     final Linear linear = registerModule("linear", new Linear(3, 1));
 *     public Tensor forward(Tensor x) { return linear.call(x); }
 * }
 * }</pre>
 *
 * Registration order is what {@link #parameters()}, {@link #namedParameters()}, {@link #stateDict()}
 * and printing follow, so state-dict keys are PyTorch's ({@code linear.weight}, {@code 0.bias}).
 *
 * <h2>Inputs and outputs</h2>
 *
 * <p>PyTorch's {@code forward} takes any arguments and returns anything; Java needs the arity and the
 * types up front. jgrad splits it this way:
 *
 * <ul>
 *   <li>A module of <b>one tensor</b> to <b>one tensor</b> (every layer, most models) extends
 *       {@code Module} and implements {@link #forward(Tensor)}. Only these can be chained by
 *       {@link Sequential}, which passes one tensor from module to module.
 *   <li>A module of <b>two or three tensors</b> extends {@link BiModule BiModule&lt;R&gt;} or
 *       {@link TriModule TriModule&lt;R&gt;} and implements {@code R forward(Tensor a, Tensor b)}
 *       (or with {@code c}), called as {@code module.call(a, b)}. Its result type {@code R} is a
 *       {@code Tensor}, or, for several outputs (PyTorch's tuple), a record of tensors the module
 *       declares, e.g. {@code record Out(Tensor output, Tensor weights)}.
 * </ul>
 *
 * Both kinds are {@code Module}s for everything that isn't the call: registration, parameters,
 * buffers, {@code train()/eval()}, the state dict and printing work the same, and either kind
 * can be a submodule of the other. A {@code BiModule} or {@code TriModule} implements the
 * one-tensor {@code forward} by throwing an error that names its arity (PyTorch also fails when
 * a module gets the wrong number of arguments); this keeps {@code forward(Tensor)} abstract, so
 * the compiler still reminds every one-tensor subclass to write it.
 *
 * <p>Typed access to submodules: {@link #getSubmodule(String, Class)} (PyTorch's
 * {@code get_submodule}), {@link Sequential#get(int, Class)} for {@code model[0]}.
 */
public abstract class Module {
    // Values may be null, as in PyTorch (a Linear without bias registers bias = None).
    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> nonPersistent = new HashSet<>();
    private final Map<String, Module> modules = new LinkedHashMap<>();
    private boolean training = true;

    /** A module with no parameters, buffers or submodules yet, in training mode. */
    public Module() {}

    /**
     * The computation of this module, PyTorch's {@code forward}; call it through {@link #call}, as
     * PyTorch's {@code model(x)}.
     *
     * @param input the module's input; each layer documents the shapes and dtypes it takes
     * @return the module's output
     */
    public abstract Tensor forward(Tensor input);

    /**
     * PyTorch's {@code module(input)}: runs {@link #forward}.
     *
     * @param input the module's input
     * @return what {@link #forward} returns
     */
    public final Tensor call(Tensor input) {
        return forward(input);
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers {@code param} under {@code name} and makes it require grad, as wrapping a tensor in
     * {@code nn.Parameter} does ({@code register_parameter}). A null param registers the name with no
     * value ({@code bias=False}). Registering a parameter name again replaces its value.
     *
     * @param name the parameter's name within this module: not empty, without a dot
     * @param param the tensor, kept as is (not copied), or null
     * @return {@code param}, so that a field can be set in one line
     * @throws IllegalArgumentException if the name is null, empty or dotted, or already names a buffer
     *     or a submodule
     */
    public Tensor registerParameter(String name, Tensor param) {
        checkName(name, "parameter", params);
        if (param != null && !param.requiresGrad()) {
            param.requiresGrad_(true);
        }
        params.put(name, param);
        return param;
    }

    /**
     * Registers a persistent buffer: state that is saved in the state dict but not trained
     * (BatchNorm's running mean), PyTorch's {@code register_buffer(name, tensor)}.
     *
     * @param name the buffer's name within this module: not empty, without a dot
     * @param buffer the tensor, kept as is (not copied), or null
     * @return {@code buffer}
     * @throws IllegalArgumentException if the name is null, empty or dotted, or already names a
     *     parameter or a submodule
     */
    public Tensor registerBuffer(String name, Tensor buffer) {
        return registerBuffer(name, buffer, true);
    }

    /**
     * Registers a buffer, PyTorch's {@code register_buffer(name, tensor, persistent)}; a
     * non-persistent one is left out of the state dict.
     *
     * @param name the buffer's name within this module: not empty, without a dot
     * @param buffer the tensor, kept as is (not copied), or null
     * @param persistent whether {@link #stateDict()} includes it
     * @return {@code buffer}
     * @throws IllegalArgumentException if the name is null, empty or dotted, or already names a
     *     parameter or a submodule
     */
    public Tensor registerBuffer(String name, Tensor buffer, boolean persistent) {
        checkName(name, "buffer", buffers);
        buffers.put(name, buffer);
        if (!persistent) {
            nonPersistent.add(name);
        }
        return buffer;
    }

    /**
     * Registers a submodule, PyTorch's {@code register_module}; its parameters then appear under
     * {@code name.} in {@link #namedParameters()} and {@link #stateDict()}.
     *
     * @param <M> the submodule's type
     * @param name the submodule's name within this module: not empty, without a dot
     * @param module the submodule, or null
     * @return {@code module}, so that a field can be set in one line
     * @throws IllegalArgumentException if the name is null, empty or dotted, or already names a
     *     parameter or a buffer
     */
    public <M extends Module> M registerModule(String name, M module) {
        checkName(name, "module", modules);
        modules.put(name, module);
        return module;
    }

    /**
     * The submodule at a dotted path, PyTorch's {@code get_submodule}: {@code "body.0"} is child
     * {@code 0} of child {@code body}; the empty path is this module.
     *
     * @param target the dotted path of child names
     * @return the module found there
     * @throws IllegalArgumentException if a name on the path is not a submodule
     */
    public Module getSubmodule(String target) {
        Module m = this;
        if (target.isEmpty()) {
            return m;
        }
        for (String name : target.split("\\.", -1)) {
            Module child = m.modules.get(name);
            if (child == null) {
                throw new IllegalArgumentException(m.getName() + " has no attribute `" + name + "`");
            }
            m = child;
        }
        return m;
    }

    /**
     * The submodule at a dotted path, checked to be a {@code type}: {@code model.getSubmodule("linear",
     * Linear.class).weight}.
     *
     * @param target the dotted path of child names
     * @param type the class the submodule is expected to be
     * @param <M> the submodule's type
     * @return the module found there
     * @throws IllegalArgumentException if there is no such submodule or it is of another class
     */
    public <M extends Module> M getSubmodule(String target, Class<M> type) {
        return as(getSubmodule(target), type, "submodule '" + target + "'");
    }

    /** {@code module} cast to {@code type}, or an error that names both classes. */
    static <M extends Module> M as(Module module, Class<M> type, String what) {
        if (!type.isInstance(module)) {
            throw new IllegalArgumentException(what + " is a " + module.getName() + ", not a " + type.getSimpleName());
        }
        return type.cast(module);
    }

    /**
     * PyTorch's {@code add_module}, the same as {@link #registerModule}.
     *
     * @param <M> the submodule's type
     * @param name the submodule's name within this module: not empty, without a dot
     * @param module the submodule, or null
     * @return {@code module}
     * @throws IllegalArgumentException if the name is null, empty or dotted, or already names a
     *     parameter or a buffer
     */
    public <M extends Module> M addModule(String name, M module) {
        return registerModule(name, module);
    }

    private void checkName(String name, String kind, Map<String, ?> own) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(kind + " name can't be empty string \"\"");
        }
        if (name.contains(".")) {
            throw new IllegalArgumentException(kind + " name can't contain \".\", got: " + name);
        }
        boolean taken = (params.containsKey(name) && own != params)
                || (buffers.containsKey(name) && own != buffers)
                || (modules.containsKey(name) && own != modules);
        if (taken) {
            throw new IllegalArgumentException("attribute '" + name + "' already exists");
        }
    }

    /**
     * Replaces a registered buffer's value, as assigning {@code self.name = tensor} does in PyTorch
     * (BatchNorm1d updates its buffers in place and never calls this).
     *
     * @param name the name the buffer was registered under
     * @param value the new value, or null
     * @throws IllegalArgumentException if this module has no buffer {@code name}
     */
    protected void setBuffer(String name, Tensor value) {
        if (!buffers.containsKey(name)) {
            throw new IllegalArgumentException("no buffer named '" + name + "'");
        }
        buffers.put(name, value);
    }

    /**
     * The value registered as buffer {@code name} of this module (not of its submodules), PyTorch's
     * {@code get_buffer} for an undotted name.
     *
     * @param name the name the buffer was registered under
     * @return the buffer, or null if it was registered as null
     * @throws IllegalArgumentException if this module has no buffer {@code name}
     */
    public Tensor getBuffer(String name) {
        if (!buffers.containsKey(name)) {
            throw new IllegalArgumentException(getName() + " has no buffer named '" + name + "'");
        }
        return buffers.get(name);
    }

    /**
     * The value registered as parameter {@code name} of this module (not of its submodules),
     * PyTorch's {@code get_parameter} for an undotted name.
     *
     * @param name the name the parameter was registered under
     * @return the parameter, or null if it was registered as null ({@code bias=False})
     * @throws IllegalArgumentException if this module has no parameter {@code name}
     */
    public Tensor getParameter(String name) {
        if (!params.containsKey(name)) {
            throw new IllegalArgumentException(getName() + " has no parameter named '" + name + "'");
        }
        return params.get(name);
    }

    // ---------------------------------------------------------------- traversal

    /**
     * Every parameter of this module and its descendants, in registration order, each once:
     * PyTorch's {@code parameters()}, what an optimizer takes.
     *
     * @return a new list of the parameters themselves (not copies), without nulls
     */
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /**
     * The parameters with dotted names ({@code 0.weight}, {@code linear.bias}), in registration
     * order, PyTorch's {@code named_parameters()}: a module's own first, then its submodules' depth
     * first; a parameter shared by two modules appears once, under its first name.
     *
     * @return a new ordered map from name to parameter, without nulls
     */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Map.Entry<String, Module> e : namedModules().entrySet()) {
            String prefix = e.getKey().isEmpty() ? "" : e.getKey() + ".";
            for (Map.Entry<String, Tensor> p : e.getValue().params.entrySet()) {
                if (p.getValue() != null && seen.add(p.getValue())) {
                    out.put(prefix + p.getKey(), p.getValue());
                }
            }
        }
        return out;
    }

    /**
     * Every buffer of this module and its descendants, persistent or not, with dotted names
     * ({@code bn.running_mean}), PyTorch's {@code named_buffers()}.
     *
     * @return a new ordered map from name to buffer, without nulls
     */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> e : namedModules().entrySet()) {
            String prefix = e.getKey().isEmpty() ? "" : e.getKey() + ".";
            for (Map.Entry<String, Tensor> b : e.getValue().buffers.entrySet()) {
                if (b.getValue() != null) {
                    out.put(prefix + b.getKey(), b.getValue());
                }
            }
        }
        return out;
    }

    /**
     * Every buffer of this module and its descendants, in the order of {@link #namedBuffers()},
     * PyTorch's {@code buffers()}.
     *
     * @return a new list of the buffers, without nulls
     */
    public List<Tensor> buffers() {
        return new ArrayList<>(namedBuffers().values());
    }

    /**
     * The direct submodules, in registration order, PyTorch's {@code children()}.
     *
     * @return a new list of the submodules, without nulls
     */
    public List<Module> children() {
        List<Module> out = new ArrayList<>();
        for (Module m : modules.values()) {
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The direct submodules with their names, PyTorch's {@code named_children()}.
     *
     * @return a new ordered map from name to submodule, without nulls
     */
    public Map<String, Module> namedChildren() {
        Map<String, Module> out = new LinkedHashMap<>();
        modules.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * This module (name {@code ""}) and all its descendants with dotted names, depth first, each
     * once: PyTorch's {@code named_modules()}.
     *
     * @return a new ordered map from name to module
     */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        Set<Module> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        collect("", this, out, seen);
        return out;
    }

    /**
     * This module and all its descendants, depth first, each once: PyTorch's {@code modules()}.
     *
     * @return a new list, starting with this module
     */
    public List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    private static void collect(String prefix, Module m, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(m)) {
            return;
        }
        out.put(prefix, m);
        for (Map.Entry<String, Module> e : m.modules.entrySet()) {
            if (e.getValue() != null) {
                collect(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, seen);
            }
        }
    }

    // ---------------------------------------------------------------- modes and grads

    /**
     * Training mode for this module and its descendants (Dropout drops, BatchNorm uses batch
     * statistics), PyTorch's {@code train()}.
     *
     * @return this module
     */
    public Module train() {
        return train(true);
    }

    /**
     * Sets training mode on this module and its descendants, PyTorch's {@code train(mode)}.
     *
     * @param mode true for training mode, false for evaluation mode
     * @return this module
     */
    public Module train(boolean mode) {
        training = mode;
        for (Module m : children()) {
            m.train(mode);
        }
        return this;
    }

    /**
     * Evaluation mode for this module and its descendants, PyTorch's {@code eval()}: {@code train(false)}.
     *
     * @return this module
     */
    public Module eval() {
        return train(false);
    }

    /**
     * Whether this module is in training mode, PyTorch's {@code module.training}.
     *
     * @return true in training mode (the default), false after {@link #eval()}
     */
    public boolean isTraining() {
        return training;
    }

    /**
     * Drops every parameter's gradient (PyTorch 2's default, {@code set_to_none=True});
     * {@code zeroGrad(false)} zeroes them in place instead.
     */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * Zeroes every parameter's gradient in place, or drops it, as {@code Module.zero_grad(set_to_none)}.
     *
     * @param setToNone true to set the gradients to null, false to zero them in place
     */
    public void zeroGrad(boolean setToNone) {
        dev.jgrad.nn.utils.Grads.zero(parameters(), setToNone);
    }

    /**
     * Sets requires-grad on every parameter, PyTorch's {@code requires_grad_} (freezing a model:
     * {@code requiresGrad_(false)}).
     *
     * @param requiresGrad whether autograd should record operations on the parameters
     * @return this module
     */
    public Module requiresGrad_(boolean requiresGrad) {
        for (Tensor p : parameters()) {
            p.requiresGrad_(requiresGrad);
        }
        return this;
    }

    // ---------------------------------------------------------------- state dict

    /**
     * Parameters and persistent buffers under their dotted names, detached and sharing memory with
     * the module, in PyTorch's order: a module's own parameters, then its buffers, then its children.
     * PyTorch's {@code state_dict()}.
     *
     * @return a new ordered map from dotted name to tensor
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        saveTo(out, "");
        return out;
    }

    private void saveTo(Map<String, Tensor> out, String prefix) {
        params.forEach((k, v) -> {
            if (v != null) {
                out.put(prefix + k, v.detach());
            }
        });
        buffers.forEach((k, v) -> {
            if (v != null && !nonPersistent.contains(k)) {
                out.put(prefix + k, v.detach());
            }
        });
        modules.forEach((k, m) -> {
            if (m != null) {
                m.saveTo(out, prefix + k + ".");
            }
        });
    }

    /**
     * Loads a state dict strictly: every key must match and every shape must agree. PyTorch's
     * {@code load_state_dict(state_dict)}; see {@link #loadStateDict(Map, boolean)}.
     *
     * @param stateDict tensors by dotted name, as {@link #stateDict()} or {@link StateDictFile#load} gives
     * @return the unmatched keys: both lists empty, since a mismatch fails
     * @throws IllegalArgumentException if a key is missing or unexpected or a shape differs
     */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict) {
        return loadStateDict(stateDict, true);
    }

    /**
     * Copies the values of {@code stateDict} into this module's parameters and buffers, in place and
     * without recording gradients. With {@code strict}, missing or unexpected keys fail; a shape
     * mismatch always fails. The error lists every problem, in PyTorch's words. Nothing is copied
     * when it fails. Values are cast to each parameter's dtype as they are copied. PyTorch's
     * {@code load_state_dict(state_dict, strict)}.
     *
     * @param stateDict tensors by dotted name, as {@link #stateDict()} or {@link StateDictFile#load} gives
     * @param strict whether missing and unexpected keys are errors
     * @return the keys this module has and {@code stateDict} lacks, and the other way round
     * @throws IllegalArgumentException if a shape differs, or, when {@code strict}, a key is missing
     *     or unexpected
     */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict, boolean strict) {
        Map<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor src = stateDict.get(e.getKey());
            if (src == null) {
                missing.add(e.getKey());
            } else if (!src.shape().equals(e.getValue().shape())) {
                errors.add("size mismatch for " + e.getKey() + ": copying a param with shape " + Py.size(src.shape())
                        + " from checkpoint, the shape in current model is "
                        + Py.size(e.getValue().shape()) + ".");
            }
        }
        for (String k : stateDict.keySet()) {
            if (!own.containsKey(k)) {
                unexpected.add(k);
            }
        }
        if (strict) {
            if (!unexpected.isEmpty()) {
                errors.add(0, "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
            }
            if (!missing.isEmpty()) {
                errors.add(0, "Missing key(s) in state_dict: " + quoted(missing) + ". ");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(
                    "Error(s) in loading state_dict for " + getName() + ":\n\t" + String.join("\n\t", errors));
        }
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor src = stateDict.get(e.getKey());
            if (src != null) {
                e.getValue().data().copy_(src.data());
            }
        }
        return new IncompatibleKeys(missing, unexpected);
    }

    private static String quoted(List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            sb.append(sb.length() == 0 ? "" : ", ").append('"').append(k).append('"');
        }
        return sb.toString();
    }

    /**
     * Saves {@link #stateDict()} to a safetensors file that PyTorch's
     * {@code safetensors.torch.load_file} reads; see {@link StateDictFile#save}.
     *
     * @param file where to write; an existing file is replaced
     * @throws IOException if the file can't be written
     */
    public void save(Path file) throws IOException {
        StateDictFile.save(stateDict(), file, Map.of());
    }

    /**
     * Saves {@link #stateDict()} with string metadata (architecture, sizes) in the file's header.
     *
     * @param file where to write; an existing file is replaced
     * @param metadata strings for the header's {@code __metadata__}, may be empty
     * @throws IOException if the file can't be written
     * @throws IllegalArgumentException if a metadata key or value is null
     */
    public void save(Path file, Map<String, String> metadata) throws IOException {
        StateDictFile.save(stateDict(), file, metadata);
    }

    /**
     * Loads a safetensors file written by {@link #save} or by PyTorch, strictly, as
     * {@code model.load_state_dict(load_file(path))}.
     *
     * @param file a safetensors file holding this module's state dict
     * @return the file's metadata, empty when it has none
     * @throws IOException if the file can't be read or is malformed
     * @throws IllegalArgumentException if a key is missing or unexpected or a shape differs
     */
    public Map<String, String> load(Path file) throws IOException {
        StateDictFile.Contents c = StateDictFile.load(file);
        loadStateDict(c.tensors());
        return c.metadata();
    }

    // ---------------------------------------------------------------- printing

    /**
     * The class name PyTorch prints ({@code _get_name}); anonymous classes print their superclass's.
     *
     * @return the simple name of this module's class, e.g. {@code Linear}
     */
    public String getName() {
        Class<?> c = getClass();
        while (c.getSimpleName().isEmpty()) {
            c = c.getSuperclass();
        }
        return c.getSimpleName();
    }

    /**
     * The layer's settings printed between its parentheses, e.g. {@code in_features=3, out_features=1,
     * bias=True}: PyTorch's {@code extra_repr}, for subclasses to override.
     *
     * @return the settings, empty by default; several lines are printed one per line
     */
    public String extraRepr() {
        return "";
    }

    /**
     * PyTorch's module repr: {@code Sequential(\n  (0): Linear(in_features=784, ...)\n)}.
     *
     * @return the repr, one line per setting line and per submodule
     */
    @Override
    public String toString() {
        List<String> extra = new ArrayList<>();
        String er = extraRepr();
        if (!er.isEmpty()) {
            Collections.addAll(extra, er.split("\n", -1));
        }
        List<String> child = new ArrayList<>();
        modules.forEach((k, m) -> child.add("(" + k + "): " + (m == null ? "None" : indent(m.toString()))));
        StringBuilder sb = new StringBuilder(getName()).append('(');
        if (!extra.isEmpty() || !child.isEmpty()) {
            if (extra.size() == 1 && child.isEmpty()) {
                sb.append(extra.get(0));
            } else {
                List<String> lines = new ArrayList<>(extra);
                lines.addAll(child);
                sb.append("\n  ").append(String.join("\n  ", lines)).append('\n');
            }
        }
        return sb.append(')').toString();
    }

    private static String indent(String s) {
        return s.replace("\n", "\n  ");
    }
}
