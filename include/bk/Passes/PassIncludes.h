//===- bk/Passes/PassIncludes.h - Headers of registered passes --*- C++ -*-===//
//
// Every class named in PassRegistry.def; utils/add_new_pass.py keeps the list.
//
//===----------------------------------------------------------------------===//

#ifndef BK_PASSES_PASSINCLUDES_H
#define BK_PASSES_PASSINCLUDES_H

#include "bk/Lint/CascadeDeleteWithoutIndexRule.h"
#include "bk/Lint/DuplicateIndexRule.h"
#include "bk/Lint/ForeignKeyWithoutIndexRule.h"
#include "bk/Lint/LowCardinalityIndexRule.h"
#include "bk/Lint/NotValidConstraintRule.h"
#include "bk/Lint/NullableUniqueColumnRule.h"
#include "bk/Lint/OperationOperationId.h"
#include "bk/Lint/Owasp429ResponseRule.h"
#include "bk/Lint/OwaspAdditionalPropertiesRule.h"
#include "bk/Lint/OwaspAdminSecurityRule.h"
#include "bk/Lint/OwaspArrayBoundedRule.h"
#include "bk/Lint/OwaspAuthRequiredRule.h"
#include "bk/Lint/OwaspErrorResponsesRule.h"
#include "bk/Lint/OwaspHttpsOnlyRule.h"
#include "bk/Lint/OwaspIntegerBoundedRule.h"
#include "bk/Lint/OwaspNoCredentialsInQueryRule.h"
#include "bk/Lint/OwaspNoHttpBasicRule.h"
#include "bk/Lint/OwaspNoNumericIdsRule.h"
#include "bk/Lint/OwaspRateLimitHeadersRule.h"
#include "bk/Lint/OwaspReadOnlyPropertiesRule.h"
#include "bk/Lint/OwaspServerInventoryRule.h"
#include "bk/Lint/OwaspStringBoundedRule.h"
#include "bk/Lint/OwaspUrlInputRule.h"
#include "bk/Lint/RedundantIndexRule.h"
#include "bk/Lint/RestCreate201Rule.h"
#include "bk/Lint/RestDelete204Rule.h"
#include "bk/Lint/RestErrorEnvelopeRule.h"
#include "bk/Lint/RestListPaginationRule.h"
#include "bk/Lint/RestPluralNounsRule.h"
#include "bk/Lint/RestSuccessEnvelopeRule.h"
#include "bk/Lint/RestVersioningRule.h"
#include "bk/Lint/TableWithoutPrimaryKey.h"
#include "bk/Transforms/CanonicalizePass.h"
#include "bk/Transforms/SortPass.h"
#include "bk/Transforms/VerifierPass.h"

#endif // BK_PASSES_PASSINCLUDES_H
