#include "asylumsim/montecarlo/distributed.hpp"

#include <cstdlib>

#ifdef ASYLUMSIM_HAVE_MPI
#include <boost/mpi.hpp>
#endif

namespace asylumsim::montecarlo {

namespace {
bool launched_by_mpi() {
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"})
    if (std::getenv(v) != nullptr) return true;
  return false;
}
#ifdef ASYLUMSIM_HAVE_MPI
constexpr int kTagRow = 11;
std::unique_ptr<boost::mpi::environment> g_env;
std::unique_ptr<boost::mpi::communicator> g_world;
#endif
}  // namespace

void Distributed::init(int& argc, char**& argv) {
#ifdef ASYLUMSIM_HAVE_MPI
  if (!launched_by_mpi() || g_env) return;
  g_env = std::make_unique<boost::mpi::environment>(argc, argv, boost::mpi::threading::funneled);
  g_world = std::make_unique<boost::mpi::communicator>();
#else
  (void)argc;
  (void)argv;
  (void)launched_by_mpi;
#endif
}

void Distributed::finalize() {
#ifdef ASYLUMSIM_HAVE_MPI
  g_world.reset();
  g_env.reset();
#endif
}

bool Distributed::active() {
  return size() > 1;
}

int Distributed::rank() {
#ifdef ASYLUMSIM_HAVE_MPI
  return g_world ? g_world->rank() : 0;
#else
  return 0;
#endif
}

int Distributed::size() {
#ifdef ASYLUMSIM_HAVE_MPI
  return g_world ? g_world->size() : 1;
#else
  return 1;
#endif
}

void Distributed::abort(int code) {
#ifdef ASYLUMSIM_HAVE_MPI
  if (g_world) g_world->abort(code);
#endif
  std::exit(code);
}

void Distributed::send_row(std::uint64_t replication, const std::vector<double>& row) {
#ifdef ASYLUMSIM_HAVE_MPI
  // The replication index travels as the first element (exact: indices stay far below 2^53).
  std::vector<double> msg;
  msg.reserve(row.size() + 1);
  msg.push_back(static_cast<double>(replication));
  msg.insert(msg.end(), row.begin(), row.end());
  g_world->send(0, kTagRow, msg.data(), static_cast<int>(msg.size()));
#else
  (void)replication;
  (void)row;
#endif
}

bool Distributed::try_receive_row(std::uint64_t* replication, std::vector<double>* row) {
#ifdef ASYLUMSIM_HAVE_MPI
  auto st = g_world->iprobe(boost::mpi::any_source, kTagRow);
  if (!st) return false;
  const int n = st->count<double>().value_or(0);
  std::vector<double> msg(static_cast<std::size_t>(n));
  g_world->recv(st->source(), kTagRow, msg.data(), n);
  *replication = static_cast<std::uint64_t>(msg.front());
  row->assign(msg.begin() + 1, msg.end());
  return true;
#else
  (void)replication;
  (void)row;
  return false;
#endif
}

void Distributed::reduce_totals(std::uint64_t* events, std::uint64_t* persons,
                                double* cpu_seconds) {
#ifdef ASYLUMSIM_HAVE_MPI
  if (!g_world) return;
  std::uint64_t e = 0, p = 0;
  double c = 0;
  boost::mpi::reduce(*g_world, *events, e, std::plus<>(), 0);
  boost::mpi::reduce(*g_world, *persons, p, std::plus<>(), 0);
  boost::mpi::reduce(*g_world, *cpu_seconds, c, std::plus<>(), 0);
  if (g_world->rank() == 0) {
    *events = e;
    *persons = p;
    *cpu_seconds = c;
  }
#else
  (void)events;
  (void)persons;
  (void)cpu_seconds;
#endif
}

void Distributed::broadcast_int(int* value) {
#ifdef ASYLUMSIM_HAVE_MPI
  if (g_world) boost::mpi::broadcast(*g_world, *value, 0);
#else
  (void)value;
#endif
}

}  // namespace asylumsim::montecarlo
