#include "domain/importing/ImportOutcome.h"

namespace ict::domain {

const char* accountOutcomeKindName(AccountOutcomeKind kind) {
    switch (kind) {
    case AccountOutcomeKind::Created:
        return "created";
    case AccountOutcomeKind::Existing:
        return "existing";
    case AccountOutcomeKind::Failed:
        return "failed";
    case AccountOutcomeKind::Unset:
        break;
    }
    return "unset";
}

const char* subscriptionOutcomeKindName(SubscriptionOutcomeKind kind) {
    switch (kind) {
    case SubscriptionOutcomeKind::Created:
        return "created";
    case SubscriptionOutcomeKind::Added:
        return "added";
    case SubscriptionOutcomeKind::Skipped:
        return "skipped";
    case SubscriptionOutcomeKind::Failed:
        return "failed";
    case SubscriptionOutcomeKind::Unset:
        break;
    }
    return "unset";
}

} // namespace ict::domain
