# The package users get with find_package(bk): imported tools and the helper
# functions in bkFunctions.cmake (bk_scaffold() and friends, filled in by the
# tool issues).
include(CMakePackageConfigHelpers)
set(BK_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/bk)
get_property(BK_INSTALLED_TOOLS GLOBAL PROPERTY BK_TOOLS)
configure_package_config_file(cmake/bkConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/bkConfig.cmake
  INSTALL_DESTINATION ${BK_INSTALL_CMAKEDIR}
  PATH_VARS CMAKE_INSTALL_BINDIR BK_TEMPLATES_INSTALL_DIR)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/bkConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/bkConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/bkConfigVersion.cmake
              cmake/bkFunctions.cmake
        DESTINATION ${BK_INSTALL_CMAKEDIR})
