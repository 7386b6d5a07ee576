# The modules' one direction (CMakeLists.txt, ASYLUMSIM_MODULES): fails when a header or source of
# module X includes a header of a module that does not come before X, or when a directory under
# sim/ or include/asylumsim/ is not a module of the list (it would escape the check).
#   cmake -DSOURCE_DIR=<tree> -DMODULES=engine,scenario,... -P check_layers.cmake
cmake_minimum_required(VERSION 3.25)
string(REPLACE "," ";" modules "${MODULES}")
set(violations "")

foreach(root IN ITEMS sim include/asylumsim)
  file(GLOB entries LIST_DIRECTORIES true RELATIVE ${SOURCE_DIR}/${root} ${SOURCE_DIR}/${root}/*)
  foreach(entry IN LISTS entries)
    if(IS_DIRECTORY ${SOURCE_DIR}/${root}/${entry} AND NOT entry IN_LIST modules)
      list(APPEND violations "${root}/${entry}: not a module of ${MODULES}")
    endif()
  endforeach()
endforeach()

set(position 0)
foreach(module IN LISTS modules)
  file(GLOB_RECURSE files RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/sim/${module}/*
       ${SOURCE_DIR}/include/asylumsim/${module}/*)
  foreach(file IN LISTS files)
    file(STRINGS ${SOURCE_DIR}/${file} includes
         REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]asylumsim/[a-z_]+/")
    foreach(line IN LISTS includes)
      string(REGEX MATCH "asylumsim/([a-z_]+)/" unused "${line}")
      set(used ${CMAKE_MATCH_1})
      list(FIND modules ${used} used_position)
      if(used_position EQUAL -1 OR used_position GREATER position)
        list(APPEND violations "${file}: module ${module} includes module ${used} (${line})")
      endif()
    endforeach()
  endforeach()
  math(EXPR position "${position} + 1")
endforeach()

if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "includes against the modules' order ${MODULES}:\n  ${text}")
endif()
message(STATUS "every include follows ${MODULES}")
