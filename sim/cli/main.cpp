#include <fmt/format.h>
#include "asylumsim/version.hpp"
int main() { fmt::print("asylumsim {}\n", asylumsim::kVersion); }
