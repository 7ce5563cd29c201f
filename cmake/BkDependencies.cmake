# Finds the stack described in ../shared/docs/STACK.md. Every package comes
# from Debian 12; utils/setup.sh installs what is missing.

find_package(LLVM 14 REQUIRED CONFIG HINTS /usr/lib/llvm-14/lib/cmake/llvm)
message(STATUS "bk: LLVM ${LLVM_PACKAGE_VERSION} in ${LLVM_DIR}")
llvm_map_components_to_libnames(BK_LLVM_LIBS support)
set(BK_LLVM_TOOLS_DIR ${LLVM_TOOLS_BINARY_DIR})

# LLVM's headers stay out of our warnings.
add_library(bk_llvm INTERFACE)
target_include_directories(bk_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
target_compile_definitions(bk_llvm INTERFACE ${LLVM_DEFINITIONS})
target_link_libraries(bk_llvm INTERFACE ${BK_LLVM_LIBS})

find_package(antlr4-runtime 4.9 REQUIRED CONFIG)
find_path(ANTLR4_INCLUDE_DIR antlr4-runtime.h PATHS /usr/include/antlr4-runtime REQUIRED)
find_program(ANTLR4_TOOL antlr4 REQUIRED)
find_package(Java COMPONENTS Runtime REQUIRED)
add_library(bk_antlr4 INTERFACE)
target_include_directories(bk_antlr4 SYSTEM INTERFACE ${ANTLR4_INCLUDE_DIR})
target_link_libraries(bk_antlr4 INTERFACE antlr4_static)

find_package(PostgreSQL REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(Threads REQUIRED)
find_path(KAINJOW_MUSTACHE_INCLUDE_DIR kainjow/mustache.hpp REQUIRED)
add_library(bk_mustache INTERFACE)
target_include_directories(bk_mustache SYSTEM INTERFACE ${KAINJOW_MUSTACHE_INCLUDE_DIR})

find_package(GTest)

find_program(BK_CCACHE ccache)
if(BK_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_C_COMPILER_LAUNCHER ${BK_CCACHE})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${BK_CCACHE})
endif()

# Own code: warnings on, RTTI and exceptions on (ANTLR needs both; LLVM is
# built with RTTI). Never copy llvm-config --cxxflags (-fno-exceptions).
set(BK_CXX_FLAGS -Wall -Wextra -Wno-unused-parameter -frtti -fexceptions)
if(BK_USE_SANITIZERS)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
