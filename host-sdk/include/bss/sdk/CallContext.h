#pragma once
/// Who is calling: the organization and user of a request, as the host authenticated them.
///
/// Built by the host for every action call and job; passed to the tool by const reference and
/// valid for the duration of that call only (copy what you keep). Plain values, no host pointers.

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace bss::sdk {

/// Kinds of BSS organization.
enum class OrganizationKind {
    Unset = 0,
    Root,          ///< A CSP partner or distributor; owns its Microsoft instances.
    CountryTenant, ///< A child that may use its parent's instances with the parent's credentials.
    SimpleTenant,  ///< A child that may not use its parent's instances.
};

/// Stable names used in the host schema and JSON: "root", "country_tenant", "simple_tenant".
inline const char* organizationKindName(OrganizationKind kind) {
    switch (kind) {
    case OrganizationKind::Root:
        return "root";
    case OrganizationKind::CountryTenant:
        return "country_tenant";
    case OrganizationKind::SimpleTenant:
        return "simple_tenant";
    case OrganizationKind::Unset:
        break;
    }
    return "unset";
}

struct Organization {
    std::int64_t id = 0;
    std::string name;
    OrganizationKind kind = OrganizationKind::Unset;
    std::optional<std::int64_t> parentId; ///< Empty for a root organization.
};

struct User {
    std::int64_t id = 0;
    std::string login;
    std::string displayName;
};

/// Permission names the host knows. A tool's descriptor names the one it requires.
inline constexpr const char* kPermissionSystemAdmin = "system_admin";

struct CallContext {
    Organization organization;
    User user;
    std::set<std::string> permissions; ///< Everything the user's roles grant in this organization.
    std::string requestId;             ///< Host-generated id of this call, for log correlation.

    bool hasPermission(const std::string& permission) const {
        return permissions.count(permission) != 0;
    }
};

} // namespace bss::sdk
