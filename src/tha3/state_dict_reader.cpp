// SPDX-License-Identifier: GPL-3.0-or-later
#include "tha3/state_dict_reader.h"

#include "tha3/engine_error.h"

#include <ATen/ATen.h>
#include <caffe2/serialize/inline_container.h>
#include <caffe2/serialize/read_adapter_interface.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <unordered_map>
#include <variant>

namespace ths {

namespace {

// A bounds-checked in-memory adapter (libtorch's MemoryReadAdapter does not check bounds, which matters for
// corrupted archives whose directory points past the end).
class ByteArrayAdapter final : public caffe2::serialize::ReadAdapterInterface
{
public:
    explicit ByteArrayAdapter(std::string bytes)
        : m_bytes(std::move(bytes))
    {
    }
    size_t size() const override { return size_t(m_bytes.size()); }
    size_t read(uint64_t pos, void *buf, size_t n, const char * /*what*/) const override
    {
        const uint64_t total = uint64_t(m_bytes.size());
        if (pos >= total)
            return 0;
        const size_t count = size_t(std::min<uint64_t>(n, total - pos));
        std::memcpy(buf, m_bytes.data() + pos, count);
        return count;
    }

private:
    std::string m_bytes;
};

struct ParseError {
    std::string what;
};

// Pickle values live in an arena and refer to each other by index, so hostile input (deep nesting, cycles) can
// neither recurse nor leak.
using Ref = uint32_t;
struct Global {
    std::string module, name;
};
struct Sequence {
    std::vector<Ref> items;
};
struct Dict {
    std::vector<std::pair<Ref, Ref>> items;
};
using Value = std::variant<std::monostate, bool, int64_t, double, std::string, Sequence, Dict, Global, at::Tensor>;

constexpr size_t kMaxValues = 1u << 22;
constexpr size_t kMaxDims = 8;

at::ScalarType storageScalarType(const std::string &name)
{
    static const std::map<std::string, at::ScalarType> types{
        {"FloatStorage", at::kFloat}, {"HalfStorage", at::kHalf},   {"DoubleStorage", at::kDouble},
        {"BFloat16Storage", at::kBFloat16}, {"LongStorage", at::kLong}, {"IntStorage", at::kInt},
        {"ShortStorage", at::kShort}, {"CharStorage", at::kChar},   {"ByteStorage", at::kByte},
        {"BoolStorage", at::kBool},
    };
    const auto it = types.find(name);
    if (it == types.end())
        throw ParseError{"unsupported storage type torch." + name};
    return it->second;
}

class Unpickler
{
public:
    Unpickler(const uint8_t *data, size_t size, caffe2::serialize::PyTorchStreamReader &zip)
        : m_data(data)
        , m_size(size)
        , m_zip(zip)
    {
    }

    NamedTensors run()
    {
        for (;;) {
            const uint8_t op = *take(1);
            switch (op) {
            case 0x80: take(1); break; // PROTO
            case '.': return finish(pop()); // STOP
            case 'c': { // GLOBAL
                std::string module = line();
                std::string name = line();
                push(Global{std::move(module), std::move(name)});
                break;
            }
            case 'q': m_memo[*take(1)] = top(); break; // BINPUT
            case 'r': m_memo[u32()] = top(); break; // LONG_BINPUT
            case 'h': pushRef(memo(*take(1))); break; // BINGET
            case 'j': pushRef(memo(u32())); break; // LONG_BINGET
            case '(': m_marks.push_back(m_stack.size()); break; // MARK
            case ')': case ']': push(Sequence{}); break; // EMPTY_TUPLE, EMPTY_LIST
            case '}': push(Dict{}); break; // EMPTY_DICT
            case 'N': push(std::monostate{}); break;
            case 0x88: push(true); break; // NEWTRUE
            case 0x89: push(false); break; // NEWFALSE
            case 'K': push(int64_t(*take(1))); break; // BININT1
            case 'M': { uint16_t v; std::memcpy(&v, take(2), 2); push(int64_t(v)); break; } // BININT2
            case 'J': { int32_t v; std::memcpy(&v, take(4), 4); push(int64_t(v)); break; } // BININT
            case 0x8a: push(long1()); break; // LONG1
            case 'G': push(binfloat()); break; // BINFLOAT
            case 'X': { const uint32_t n = u32(); push(std::string(reinterpret_cast<const char *>(take(n)), n)); break; }
            case 0x8c: { const uint8_t n = *take(1); push(std::string(reinterpret_cast<const char *>(take(n)), n)); break; }
            case 't': push(Sequence{popMark()}); break; // TUPLE
            case 0x85: { const Ref a = pop(); push(Sequence{{a}}); break; } // TUPLE1
            case 0x86: { const Ref b = pop(), a = pop(); push(Sequence{{a, b}}); break; } // TUPLE2
            case 0x87: { const Ref c = pop(), b = pop(), a = pop(); push(Sequence{{a, b, c}}); break; } // TUPLE3
            case 'a': { const Ref x = pop(); as<Sequence>(top(), "APPEND target").items.push_back(x); break; }
            case 'e': { auto xs = popMark(); auto &l = as<Sequence>(top(), "APPENDS target").items; l.insert(l.end(), xs.begin(), xs.end()); break; }
            case 's': { const Ref v = pop(), k = pop(); as<Dict>(top(), "SETITEM target").items.emplace_back(k, v); break; }
            case 'u': { // SETITEMS
                const auto xs = popMark();
                if (xs.size() % 2 != 0)
                    throw ParseError{"SETITEMS with an odd number of items"};
                auto &d = as<Dict>(top(), "SETITEMS target").items;
                for (size_t i = 0; i < xs.size(); i += 2)
                    d.emplace_back(xs[i], xs[i + 1]);
                break;
            }
            case 'b': pop(); break; // BUILD: the state is OrderedDict._metadata, which loading does not need
            case 'Q': push(persistentLoad(pop())); break; // BINPERSID
            case 'R': reduce(); break; // REDUCE
            default: {
                char hex[8];
                std::snprintf(hex, sizeof hex, "0x%02x", op);
                throw ParseError{std::string("unsupported pickle opcode ") + hex + " at offset " + std::to_string(m_pos - 1)};
            }
            }
        }
    }

private:
    const uint8_t *take(size_t n)
    {
        if (n > m_size - m_pos)
            throw ParseError{"data.pkl is truncated"};
        const uint8_t *p = m_data + m_pos;
        m_pos += n;
        return p;
    }
    uint32_t u32()
    {
        uint32_t v;
        std::memcpy(&v, take(4), 4);
        return v;
    }
    std::string line()
    {
        const size_t start = m_pos;
        while (m_pos < m_size && m_data[m_pos] != '\n')
            ++m_pos;
        if (m_pos >= m_size)
            throw ParseError{"data.pkl is truncated"};
        return std::string(reinterpret_cast<const char *>(m_data + start), m_pos++ - start);
    }
    int64_t long1()
    {
        const size_t n = *take(1);
        if (n > 8)
            throw ParseError{"integer too large"};
        const uint8_t *b = take(n);
        uint64_t v = 0;
        for (size_t i = 0; i < n; ++i)
            v |= uint64_t(b[i]) << (8 * i);
        if (n > 0 && n < 8 && (b[n - 1] & 0x80))
            v -= uint64_t(1) << (8 * n); // two's complement sign extension
        return int64_t(v);
    }
    double binfloat()
    {
        const uint8_t *b = take(8);
        uint8_t le[8];
        for (int i = 0; i < 8; ++i)
            le[i] = b[7 - i]; // big-endian on the wire
        double d;
        std::memcpy(&d, le, 8);
        return d;
    }

    Ref push(Value v)
    {
        if (m_arena.size() >= kMaxValues)
            throw ParseError{"data.pkl has too many values"};
        m_arena.push_back(std::move(v));
        m_stack.push_back(Ref(m_arena.size() - 1));
        return m_stack.back();
    }
    void pushRef(Ref r) { m_stack.push_back(r); }
    Ref top() const
    {
        if (m_stack.empty())
            throw ParseError{"pickle stack underflow"};
        return m_stack.back();
    }
    Ref pop()
    {
        // A MARK must never be consumed by a plain pop.
        if (m_stack.empty() || (!m_marks.empty() && m_marks.back() >= m_stack.size()))
            throw ParseError{"pickle stack underflow"};
        const Ref r = m_stack.back();
        m_stack.pop_back();
        return r;
    }
    std::vector<Ref> popMark()
    {
        if (m_marks.empty())
            throw ParseError{"pickle MARK missing"};
        const size_t m = m_marks.back();
        m_marks.pop_back();
        std::vector<Ref> xs(m_stack.begin() + std::ptrdiff_t(m), m_stack.end());
        m_stack.resize(m);
        return xs;
    }
    Ref memo(uint32_t key) const
    {
        const auto it = m_memo.find(key);
        if (it == m_memo.end())
            throw ParseError{"pickle memo entry " + std::to_string(key) + " is missing"};
        return it->second;
    }
    template<class T>
    T &as(Ref r, const char *what)
    {
        if (auto *p = std::get_if<T>(&m_arena[r]))
            return *p;
        throw ParseError{std::string("unexpected value type for ") + what};
    }
    int64_t integer(Ref r, const char *what) { return as<int64_t>(r, what); }
    std::vector<int64_t> integers(Ref r, const char *what)
    {
        std::vector<int64_t> out;
        for (const Ref e : as<Sequence>(r, what).items)
            out.push_back(integer(e, what));
        return out;
    }

    // ('storage', torch.<Type>Storage, key, location, numel) → a 1-D tensor owning a copy of data/<key>.
    Value persistentLoad(Ref pidRef)
    {
        const auto pid = as<Sequence>(pidRef, "persistent id").items;
        if (pid.size() != 5 || as<std::string>(pid[0], "persistent id tag") != "storage")
            throw ParseError{"unsupported persistent id (expected a 5-tuple starting with 'storage')"};
        const at::ScalarType type = storageScalarType(as<Global>(pid[1], "storage type").name);
        const std::string key = as<std::string>(pid[2], "storage key");
        const int64_t numel = integer(pid[4], "storage size");
        if (numel < 0 || numel > (int64_t(1) << 34))
            throw ParseError{"storage data/" + key + " has an invalid element count " + std::to_string(numel)};
        const size_t bytes = size_t(numel) * at::elementSize(type);
        if (!m_zip.hasRecord("data/" + key))
            throw ParseError{"record data/" + key + " is missing from the archive"};
        auto [ptr, size] = m_zip.getRecord("data/" + key);
        if (size < bytes)
            throw ParseError{"record data/" + key + " holds " + std::to_string(size) + " bytes; its storage needs "
                             + std::to_string(bytes)};
        at::Tensor storage = at::empty({numel}, at::TensorOptions().dtype(type));
        if (bytes > 0)
            std::memcpy(storage.data_ptr(), ptr.get(), bytes);
        return storage;
    }

    void reduce()
    {
        const Ref argsRef = pop();
        const Global callable = as<Global>(pop(), "REDUCE callable");
        const auto &args = as<Sequence>(argsRef, "REDUCE arguments").items;
        if (callable.name == "OrderedDict") {
            push(Dict{});
        } else if (callable.name == "_rebuild_tensor_v2") {
            if (args.size() < 4)
                throw ParseError{"_rebuild_tensor_v2 needs at least 4 arguments"};
            push(rebuildTensor(as<at::Tensor>(args[0], "tensor storage"), integer(args[1], "storage offset"),
                               integers(args[2], "tensor size"), integers(args[3], "tensor stride")));
        } else if (callable.name == "_rebuild_parameter") {
            if (args.empty())
                throw ParseError{"_rebuild_parameter needs an argument"};
            pushRef(args[0]);
        } else {
            throw ParseError{"unsupported object " + callable.module + "." + callable.name};
        }
    }

    static at::Tensor rebuildTensor(const at::Tensor &storage, int64_t offset, const std::vector<int64_t> &sizes,
                                    const std::vector<int64_t> &strides)
    {
        if (sizes.size() != strides.size() || sizes.size() > kMaxDims)
            throw ParseError{"tensor size and stride do not match"};
        const int64_t limit = std::numeric_limits<int32_t>::max();
        if (offset < 0 || offset > storage.numel())
            throw ParseError{"tensor storage offset out of range"};
        __int128 last = offset; // index of the last element the view touches
        bool empty = false;
        for (size_t i = 0; i < sizes.size(); ++i) {
            if (sizes[i] < 0 || sizes[i] > limit || strides[i] < 0 || strides[i] > limit)
                throw ParseError{"tensor size or stride out of range"};
            empty |= sizes[i] == 0;
            if (sizes[i] > 0)
                last += __int128(sizes[i] - 1) * strides[i];
        }
        if (!empty && last >= storage.numel())
            throw ParseError{"tensor view extends past the end of its storage"};
        return storage.as_strided(sizes, strides, offset).clone(at::MemoryFormat::Contiguous);
    }

    NamedTensors finish(Ref root)
    {
        NamedTensors out;
        for (const auto &[k, v] : as<Dict>(root, "the top-level object (expected a state_dict)").items)
            out.emplace_back(as<std::string>(k, "state_dict key"), as<at::Tensor>(v, "state_dict value"));
        return out;
    }

    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos = 0;
    caffe2::serialize::PyTorchStreamReader &m_zip;
    std::vector<Value> m_arena;
    std::vector<Ref> m_stack;
    std::vector<size_t> m_marks;
    std::unordered_map<uint32_t, Ref> m_memo;
};

} // namespace

NamedTensors readStateDict(std::string archive, const std::string &displayName)
{
    auto fail = [&](const std::string &why) { return EngineError(displayName + ": " + why); };
    if (archive.empty())
        throw fail("the file is empty");
    if (!archive.starts_with("PK")) {
        // Pre-1.6 torch.save files are a bare pickle stream that starts with a protocol-2 header and a magic number.
        if (archive.starts_with("\x80\x02\x8a\x0a"))
            throw fail("legacy (pre-1.6, non-zip) torch.save format is not supported; re-save it in Python with "
                       "torch.save(torch.load(f), f)");
        throw fail("not a PyTorch weight file (expected a torch.save zip archive)");
    }
    try {
        caffe2::serialize::PyTorchStreamReader zip(std::make_shared<ByteArrayAdapter>(std::move(archive)));
        if (!zip.hasRecord("data.pkl"))
            throw fail("the archive has no data.pkl record");
        auto [pickle, size] = zip.getRecord("data.pkl");
        Unpickler unpickler(static_cast<const uint8_t *>(pickle.get()), size, zip);
        return unpickler.run();
    } catch (const ParseError &e) {
        throw fail(e.what);
    } catch (const c10::Error &e) {
        throw fail(std::string("corrupt archive: ") + e.what_without_backtrace());
    } catch (const std::bad_alloc &) {
        throw fail("corrupt archive: a record claims an impossible size");
    }
}

NamedTensors readStateDictFile(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        const int error = errno;
        throw EngineError(path + (error == ENOENT ? std::string(": file not found")
                                                  : ": cannot read: " + std::string(std::strerror(error))));
    }
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    if (file.bad())
        throw EngineError(path + ": cannot read: " + std::strerror(errno));
    return readStateDict(std::move(bytes), path);
}

} // namespace ths
