# bk_add_library(NAME SOURCES... [LINK libs...])
#   A library in lib/<Name>, its public headers in include/bk/<Name>.
function(bk_add_library name)
  cmake_parse_arguments(ARG "" "" "LINK" ${ARGN})
  add_library(${name} STATIC ${ARG_UNPARSED_ARGUMENTS})
  target_compile_options(${name} PRIVATE ${BK_CXX_FLAGS})
  target_link_libraries(${name} PUBLIC bk_llvm ${ARG_LINK})
endfunction()

# bk_add_tool(NAME SOURCES... [LINK libs...])
#   A thin driver in tools/<name>; installed to bin/.
function(bk_add_tool name)
  cmake_parse_arguments(ARG "" "" "LINK" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  target_compile_options(${name} PRIVATE ${BK_CXX_FLAGS})
  target_link_libraries(${name} PRIVATE bk_llvm ${ARG_LINK})
  install(TARGETS ${name} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  set_property(GLOBAL APPEND PROPERTY BK_TOOLS ${name})
endfunction()

# bk_add_unittest(NAME SOURCES... [LINK libs...])
#   A GoogleTest binary under unittests/, run by the test command.
function(bk_add_unittest name)
  cmake_parse_arguments(ARG "" "" "LINK" ${ARGN})
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                        ${BK_BINARY_DIR}/unittests)
  target_compile_options(${name} PRIVATE ${BK_CXX_FLAGS})
  target_link_libraries(${name} PRIVATE bk_llvm GTest::gtest GTest::gtest_main
                        ${ARG_LINK})
  add_test(NAME ${name} COMMAND ${name})
  set_property(GLOBAL APPEND PROPERTY BK_UNITTESTS ${name})
endfunction()
