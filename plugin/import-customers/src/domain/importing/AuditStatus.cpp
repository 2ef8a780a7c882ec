#include "domain/importing/AuditStatus.h"

namespace ict::domain {

const char* auditStatusName(AuditStatus status) {
    switch (status) {
    case AuditStatus::New:
        return "new";
    case AuditStatus::InBss:
        return "in_bss";
    case AuditStatus::NotImportable:
        return "not_importable";
    case AuditStatus::Unset:
        break;
    }
    return "unset";
}

std::optional<AuditStatus> parseAuditStatus(const std::string& text) {
    for (AuditStatus status : {AuditStatus::New, AuditStatus::InBss, AuditStatus::NotImportable}) {
        if (text == auditStatusName(status))
            return status;
    }
    return std::nullopt;
}

} // namespace ict::domain
