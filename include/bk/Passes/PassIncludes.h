//===- bk/Passes/PassIncludes.h - Headers of registered passes --*- C++ -*-===//
//
// Every class named in PassRegistry.def; utils/add_new_pass.py keeps the list.
//
//===----------------------------------------------------------------------===//

#ifndef BK_PASSES_PASSINCLUDES_H
#define BK_PASSES_PASSINCLUDES_H

#include "bk/Lint/OperationOperationId.h"
#include "bk/Lint/TableWithoutPrimaryKey.h"
#include "bk/Transforms/SortPass.h"
#include "bk/Transforms/VerifierPass.h"

#endif // BK_PASSES_PASSINCLUDES_H
