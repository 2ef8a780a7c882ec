#pragma once
/// A tenant's import outcome as JSON: how ict_import_results stores it and how the import actions
/// answer it (see /ACTIONS in the adapter headers for the shape).

#include "domain/importing/ImportOutcome.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace ict::storage {

Poco::JSON::Object::Ptr tenantOutcomeToJson(const domain::TenantOutcome& outcome);

/// Throws Poco::Exception when `json` is not such an object.
domain::TenantOutcome tenantOutcomeFromJson(const std::string& json);

std::string stringify(const Poco::JSON::Object& object);

} // namespace ict::storage
