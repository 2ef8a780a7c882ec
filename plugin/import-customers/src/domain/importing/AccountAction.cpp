#include "domain/importing/AccountAction.h"

namespace ict::domain {

const char* accountActionKindName(AccountActionKind kind) {
    switch (kind) {
    case AccountActionKind::CreateAccount:
        return "create_account";
    case AccountActionKind::UseExisting:
        return "use_existing";
    case AccountActionKind::Unset:
        break;
    }
    return "unset";
}

} // namespace ict::domain
