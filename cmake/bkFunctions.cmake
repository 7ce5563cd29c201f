# Helper functions installed with bk's package config. Each tool issue adds
# its build-step function here (bk_scaffold() generates code from an OpenAPI
# description at build time once bk-scaffold exists).

# bk_run_passes(OUTPUT out INPUT in PASSES a,b)
#   Runs bk-opt over INPUT at build time and writes the resulting IR to OUTPUT.
function(bk_run_passes)
  cmake_parse_arguments(ARG "" "OUTPUT;INPUT;PASSES" "" ${ARGN})
  if(NOT ARG_OUTPUT OR NOT ARG_INPUT)
    message(FATAL_ERROR "bk_run_passes: OUTPUT and INPUT are required")
  endif()
  set(_passes)
  if(ARG_PASSES)
    set(_passes "-passes=${ARG_PASSES}")
  endif()
  add_custom_command(OUTPUT ${ARG_OUTPUT}
    COMMAND bk::bk-opt ${_passes} ${ARG_INPUT} -o ${ARG_OUTPUT}
    DEPENDS ${ARG_INPUT}
    COMMENT "bk-opt ${ARG_INPUT}"
    VERBATIM)
endfunction()
