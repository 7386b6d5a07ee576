#include "progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace asylumsim::cli {

Progress::Progress(bool enabled)
    : enabled_(enabled && isatty(STDERR_FILENO)), start_(clock::now()) {}

void Progress::set_note(std::string note) {
  std::lock_guard lock(mu_);
  note_ = std::move(note);
}

void Progress::update(std::uint64_t done, std::uint64_t total) {
  if (!enabled_) return;
  std::lock_guard lock(mu_);
  if (!timing_) {  // the rate counts only replications computed now, not resumed ones
    timing_ = true;
    first_done_ = done > 0 ? done - 1 : 0;
  }
  const double secs = std::chrono::duration<double>(clock::now() - start_).count();
  const double rate = secs > 0 ? static_cast<double>(done - first_done_) / secs : 0;
  const double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0;
  const std::uint64_t width = 30;
  const std::uint64_t filled = total > 0 ? std::min(width, width * done / total) : width;
  fmt::print(stderr, "\r[{}{}] {}/{} replications  {:.1f}/s  ETA {:.0f}s {}",
             std::string(filled, '#'), std::string(width - filled, '.'), done, total, rate, eta,
             note_);
  if (done == total) fmt::print(stderr, "\n");
}

}  // namespace asylumsim::cli
