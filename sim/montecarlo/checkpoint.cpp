#include "asylumsim/montecarlo/checkpoint.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iterator>
#include <stdexcept>

#include "asylumsim/engine/rng.hpp"
#include "asylumsim/version.hpp"

namespace asylumsim::montecarlo {

namespace {
constexpr char kMagic[8] = {'A', 'S', 'Y', 'C', 'K', 'P', 'T', '1'};
}

std::string checkpoint_identity(const scenario::Scenario& s, std::size_t cells,
                                const std::string& targets_path) {
  std::string targets;
  if (!targets_path.empty()) {
    std::ifstream in(targets_path, std::ios::binary);
    targets.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return fmt::format(
      "scenario={:016x};seed={};cells={};targets={:016x};asylumsim={}-{};uncertainty={}",
      s.resolved_digest, s.seed, cells, engine::fnv1a64(targets), kVersion, kGitCommit,
      fmt::join(s.uncertainty_sources, "+"));
}

Checkpoint::Checkpoint(std::filesystem::path path, std::string identity, std::size_t cells)
    : path_(std::move(path)), identity_(std::move(identity)), cells_(cells) {}

std::uint64_t Checkpoint::replay(
    const std::function<void(std::uint64_t, const std::vector<double>&)>& sink) {
  std::uint64_t rows = 0;
  std::uintmax_t valid_bytes = 0;
  const std::uint64_t id_size = identity_.size();
  const std::uintmax_t header = sizeof kMagic + sizeof id_size + id_size;
  const std::uintmax_t record = sizeof(std::uint64_t) + cells_ * sizeof(double);
  if (std::filesystem::exists(path_)) {
    std::ifstream in(path_, std::ios::binary);
    char magic[8] = {};
    std::uint64_t len = 0;
    in.read(magic, sizeof magic);
    in.read(reinterpret_cast<char*>(&len), sizeof len);
    std::string id(len < (1u << 20) ? len : 0, '\0');
    in.read(id.data(), static_cast<std::streamsize>(id.size()));
    if (!in || std::string(magic, 8) != std::string(kMagic, 8) || id != identity_)
      throw std::runtime_error(
          fmt::format("{}: checkpoint belongs to another run (scenario, seed or output grid "
                      "differ); remove it to start afresh",
                      path_.string()));
    valid_bytes = header;
    std::vector<double> row(cells_);
    std::uint64_t rep = 0;
    while (in.read(reinterpret_cast<char*>(&rep), sizeof rep) &&
           in.read(reinterpret_cast<char*>(row.data()),
                   static_cast<std::streamsize>(cells_ * sizeof(double)))) {
      if (rep != rows) break;  // out of order: treat the rest as torn
      sink(rep, row);
      ++rows;
      valid_bytes += record;
    }
    in.close();
    std::filesystem::resize_file(path_, valid_bytes);  // drop a torn tail before appending
    out_.open(path_, std::ios::binary | std::ios::app);
  } else {
    out_.open(path_, std::ios::binary | std::ios::trunc);
    out_.write(kMagic, sizeof kMagic);
    out_.write(reinterpret_cast<const char*>(&id_size), sizeof id_size);
    out_.write(identity_.data(), static_cast<std::streamsize>(id_size));
    out_.flush();
  }
  if (!out_) throw std::runtime_error(fmt::format("{}: cannot write checkpoint", path_.string()));
  return rows;
}

void Checkpoint::append(std::uint64_t replication, const std::vector<double>& row) {
  out_.write(reinterpret_cast<const char*>(&replication), sizeof replication);
  out_.write(reinterpret_cast<const char*>(row.data()),
             static_cast<std::streamsize>(row.size() * sizeof(double)));
  out_.flush();
  if (!out_) throw std::runtime_error(fmt::format("{}: cannot write checkpoint", path_.string()));
}

void Checkpoint::remove() {
  out_.close();
  std::filesystem::remove(path_);
}

}  // namespace asylumsim::montecarlo
