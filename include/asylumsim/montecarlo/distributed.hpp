// MPI support. asylumsim uses MPI only when it was started by mpirun (or another launcher that sets
// the usual rank variables) and was built with ASYLUMSIM_MPI; a plain start never touches MPI.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace asylumsim::montecarlo {

class Distributed {
 public:
  // Initialises MPI when launched under an MPI launcher; a no-op otherwise.
  static void init(int& argc, char**& argv);
  static void finalize();
  static bool active();  // MPI initialised and more than one rank
  static int rank();
  static int size();
  static void abort(int code);

  // Row transport: non-root ranks send (replication, row); the root polls for them.
  static void send_row(std::uint64_t replication, const std::vector<double>& row);
  // Receives one row if one is waiting; returns false when none is.
  static bool try_receive_row(std::uint64_t* replication, std::vector<double>* row);
  // Sums run totals on the root.
  static void reduce_totals(std::uint64_t* events, std::uint64_t* persons, double* cpu_seconds);
  // Broadcasts an integer from the root to all ranks (no-op without MPI).
  static void broadcast_int(int* value);
};

}  // namespace asylumsim::montecarlo
