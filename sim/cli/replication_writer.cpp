#include "replication_writer.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "asylumsim/indicators/indicator.hpp"
#include "asylumsim/output/result_dir.hpp"

namespace asylumsim::cli {

ReplicationWriter::ReplicationWriter(const std::filesystem::path& dir,
                                     const std::vector<montecarlo::Cell>& grid,
                                     const scenario::Scenario& s)
    : final_(dir / "replications.csv"), partial_(dir / ".replications.csv.partial"), grid_(grid) {
  auto cols = output::run_columns(s, true);
  cols.pop_back();  // no `complete`: every row is a whole replication
  prefix_ = output::column_prefix(cols);
  out_.open(partial_, std::ios::binary | std::ios::trunc);
  if (!out_) throw std::runtime_error(fmt::format("cannot write {}", partial_.string()));
  out_ << output::with_columns("replication,metric,when,value\n", cols);
}

void ReplicationWriter::write(std::uint64_t rep, const std::vector<double>& row) {
  for (std::size_t c = 0; c < grid_.size(); ++c)
    out_ << fmt::format("{}{},{},{},{}\n", prefix_, rep, grid_[c].indicator->id,
                        grid_[c].when.label(), indicators::csv_value(row[c]));
}

void ReplicationWriter::commit() {
  out_.close();
  std::filesystem::rename(partial_, final_);
}

}  // namespace asylumsim::cli
