#include "control/EmulatorState.h"

#include "common/IsoTime.h"
#include "data/AzureEntitlements.h"
#include "data/DataGenerator.h"
#include "data/DataSetFile.h"
#include "data/OfferCatalog.h"

#include <Poco/Exception.h>
#include <Poco/Timespan.h>

#include <cctype>

namespace mockhost::emulator {

namespace {

std::string domainFor(const std::string& name, const std::string& unique) {
    std::string stem;
    for (unsigned char c : name)
        if (std::isalnum(c) && c < 0x80)
            stem += static_cast<char>(std::tolower(c));
    if (stem.empty())
        stem = "tenant";
    return stem.substr(0, 20) + unique + ".onmicrosoft.com";
}

long termDays(const std::string& termDuration) {
    if (termDuration == "P1Y")
        return 365;
    if (termDuration == "P3Y")
        return 3 * 365;
    if (termDuration.empty() || termDuration == "P1M")
        return 30;
    throw Poco::InvalidArgumentException("termDuration must be P1M, P1Y or P3Y", termDuration);
}

} // namespace

EmulatorState::EmulatorState(EmulatorOptions options)
    : _options(std::move(options)),
      _tokens(_options.data.seed, _options.accessTokenLifetimeSeconds),
      _compatibility(_options.compatibility), _changeRandom(_options.data.seed ^ 0xC4A96EULL),
      _faults(_options.faults),
      _rateLimiter(_options.faults.rateLimitPerMinute, _options.faults.rateLimitBurst) {
    _data = loadInitialData();
}

DataSet EmulatorState::loadInitialData() const {
    if (!_options.dataFile.empty())
        return DataSetFile::load(_options.dataFile);
    return DataGenerator::generate(_options.data);
}

DataSet EmulatorState::snapshot() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _data;
}

std::string EmulatorState::partnerTenantId() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _data.partner.tenantId;
}

std::string EmulatorState::initialRefreshToken() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _tokens.initialRefreshToken();
}

std::string EmulatorState::issueRefreshToken() {
    std::lock_guard<std::mutex> lock(_mutex);
    return _tokens.issueRefreshToken();
}

RefreshTokenState EmulatorState::redeem(const std::string& refreshToken,
                                        TokenStore::Issued& issued) {
    std::lock_guard<std::mutex> lock(_mutex);
    const TokenStore::Rotation rotation{_compatibility.strictRefreshRotation,
                                        _compatibility.revokeFamilyOnReuse};
    return _tokens.redeem(refreshToken, Poco::Timestamp(), rotation, issued);
}

RefreshTokenState EmulatorState::refreshTokenState(const std::string& refreshToken) const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _tokens.state(refreshToken);
}

TokenStore::Issued EmulatorState::issueAppOnlyToken() {
    std::lock_guard<std::mutex> lock(_mutex);
    return _tokens.issueAppOnly(Poco::Timestamp());
}

AccessTokenState EmulatorState::checkAccess(const std::string& accessToken, bool* appOnly) const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _tokens.checkAccess(accessToken, Poco::Timestamp(), appOnly);
}

void EmulatorState::expireRefreshTokens() {
    std::lock_guard<std::mutex> lock(_mutex);
    _tokens.setAllRefreshTokens(RefreshTokenState::Expired);
}

void EmulatorState::revokeRefreshTokens() {
    std::lock_guard<std::mutex> lock(_mutex);
    _tokens.setAllRefreshTokens(RefreshTokenState::Revoked);
}

void EmulatorState::requireMfa() {
    std::lock_guard<std::mutex> lock(_mutex);
    _tokens.setAllRefreshTokens(RefreshTokenState::MfaRequired);
}

void EmulatorState::expireAccessTokens() {
    std::lock_guard<std::mutex> lock(_mutex);
    _tokens.expireAccessTokens();
}

std::vector<std::string> EmulatorState::issuedTokens() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _tokens.issuedTokens();
}

void EmulatorState::setFaults(const FaultSettings& settings) {
    _faults.configure(settings);
    _rateLimiter.setLimit(settings.rateLimitPerMinute, settings.rateLimitBurst);
}

FaultSettings EmulatorState::faults() const {
    return _faults.settings();
}

void EmulatorState::setCompatibility(const CompatibilityOptions& compatibility) {
    std::lock_guard<std::mutex> lock(_mutex);
    _compatibility = compatibility;
}

CompatibilityOptions EmulatorState::compatibility() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _compatibility;
}

Customer EmulatorState::addCustomer(const NewCustomer& spec) {
    if (spec.companyName.empty())
        throw Poco::InvalidArgumentException("companyName is required");
    std::lock_guard<std::mutex> lock(_mutex);
    Customer customer;
    customer.id = spec.id.empty() ? _changeRandom.guid() : spec.id;
    customer.commerceId = _changeRandom.guid();
    customer.companyName = spec.companyName;
    customer.domain = spec.domain.empty()
                          ? domainFor(spec.companyName, std::to_string(_data.customers.size()))
                          : spec.domain;
    if (!spec.resellerId.empty())
        customer.resellerIds.push_back(spec.resellerId);
    BillingProfile& billing = customer.billingProfile;
    billing.id = _changeRandom.guid();
    billing.companyName = spec.companyName;
    billing.email = "billing@" + customer.domain;
    billing.culture = "en-US";
    billing.language = "en";
    billing.defaultAddress.country = "US";
    billing.etag = "-" + std::to_string(_changeRandom.below(900000000000ULL) + 100000000000ULL);
    _data.addCustomer(customer, Poco::Timestamp());
    return customer;
}

Subscription EmulatorState::addSubscription(const std::string& customerId,
                                            const NewSubscription& spec) {
    if (spec.quantity < 0)
        throw Poco::InvalidArgumentException("quantity must not be negative",
                                             std::to_string(spec.quantity));
    if (spec.offerId.empty())
        throw Poco::InvalidArgumentException("offerId is required");
    std::lock_guard<std::mutex> lock(_mutex);
    if (!spec.partnerId.empty() && !_data.findResellerByMpnId(spec.partnerId))
        throw Poco::NotFoundException("reseller with mpnId", spec.partnerId);
    Subscription s;
    s.id = spec.id.empty() ? _changeRandom.guid() : spec.id;
    s.offerId = spec.offerId;
    s.offerName = spec.offerName;
    const Offer* known = nullptr;
    for (const auto& offer : OfferCatalog::all())
        if (offer.offerId == spec.offerId)
            known = &offer;
    if (s.offerName.empty())
        s.offerName = known ? known->name : spec.offerId;
    s.friendlyName = s.offerName;
    const bool catalogShape = spec.offerId.find(':') != std::string::npos;
    if (known && known->family == OfferFamily::AzurePlan) {
        s.productTypeId = s.productTypeName = "Azure";
    } else if (catalogShape) {
        s.productTypeId = s.productTypeName = "OnlineServicesNCE";
        s.termDuration = spec.termDuration;
    }
    s.quantity = spec.quantity;
    s.unitType = "Licenses";
    s.billingType = "license";
    s.billingCycle = spec.billingCycle;
    s.status = "active";
    s.autoRenewEnabled = true;
    s.partnerId = spec.partnerId;
    s.parentSubscriptionId = spec.parentSubscriptionId;
    s.orderId = _changeRandom.hex(12);
    const Poco::Timestamp now;
    s.creationDate = IsoTime::withFraction(now);
    s.effectiveStartDate = IsoTime::seconds(now);
    s.commitmentEndDate = IsoTime::seconds(
        now + Poco::Timespan((termDays(spec.termDuration) - 1) * Poco::Timespan::DAYS));
    _data.addSubscription(customerId, s, now);
    return s;
}

Subscription EmulatorState::changeSubscription(const std::string& customerId,
                                               const std::string& subscriptionId,
                                               const SubscriptionChange& change) {
    std::lock_guard<std::mutex> lock(_mutex);
    return _data.changeSubscription(customerId, subscriptionId, change, Poco::Timestamp());
}

void EmulatorState::markCustomerLeft(const std::string& customerId) {
    std::lock_guard<std::mutex> lock(_mutex);
    _data.markCustomerLeft(customerId, Poco::Timestamp());
}

AzureEntitlement EmulatorState::addAzureEntitlement(const std::string& customerId,
                                                    const std::string& planSubscriptionId) {
    std::lock_guard<std::mutex> lock(_mutex);
    Customer* customer = _data.findCustomer(customerId);
    if (!customer)
        throw Poco::NotFoundException("customer", customerId);
    for (Subscription& plan : customer->subscriptions)
        if (plan.id == planSubscriptionId) {
            if (!isAzurePlan(plan))
                throw Poco::InvalidArgumentException("not an Azure plan", planSubscriptionId);
            ++plan.addedAzureEntitlements;
            return azureEntitlementsOf(plan).back();
        }
    throw Poco::NotFoundException("subscription", planSubscriptionId);
}

std::vector<AuditRecord> EmulatorState::simulateChanges(int count) {
    if (count < 0)
        throw Poco::InvalidArgumentException("change count must not be negative",
                                             std::to_string(count));
    std::size_t firstRecord = 0;
    {
        std::lock_guard<std::mutex> lock(_mutex);
        firstRecord = _data.auditRecords.size();
    }
    for (int i = 0; i < count; ++i) {
        // Pick the change and its target under the lock, apply it through the public methods.
        std::string customerId, subscriptionId, resellerId, partnerId;
        std::uint64_t kind = 0;
        int quantity = 1;
        {
            std::lock_guard<std::mutex> lock(_mutex);
            kind = _changeRandom.below(10);
            quantity = static_cast<int>(1 + _changeRandom.below(50));
            std::vector<const Customer*> active;
            for (const auto& customer : _data.customers)
                if (!customer.left)
                    active.push_back(&customer);
            if (active.empty())
                kind = 0;
            if (kind == 0 && !_data.resellers.empty() && _changeRandom.chance(0.5))
                resellerId = _data.resellers[_changeRandom.below(_data.resellers.size())].id;
            if (kind != 0) {
                const Customer& customer = *active[_changeRandom.below(active.size())];
                customerId = customer.id;
                if (!customer.resellerIds.empty())
                    if (const Reseller* r = _data.findReseller(customer.resellerIds.front()))
                        partnerId = r->mpnId;
                if (customer.subscriptions.empty())
                    kind = 1;
                else
                    subscriptionId =
                        customer.subscriptions[_changeRandom.below(customer.subscriptions.size())]
                            .id;
            }
        }
        if (kind == 0) {
            NewCustomer spec;
            spec.companyName = "Churn Tenant " + std::to_string(firstRecord + i);
            spec.resellerId = resellerId;
            addCustomer(spec);
        } else if (kind <= 3) {
            NewSubscription spec;
            spec.partnerId = partnerId;
            addSubscription(customerId, spec);
        } else {
            SubscriptionChange change;
            if (kind <= 7)
                change.quantity = quantity;
            else
                change.status = kind == 8 ? "suspended" : "deleted";
            changeSubscription(customerId, subscriptionId, change);
        }
    }
    std::lock_guard<std::mutex> lock(_mutex);
    return std::vector<AuditRecord>(_data.auditRecords.begin() + firstRecord,
                                    _data.auditRecords.end());
}

void EmulatorState::replaceData(const DataSet& data) {
    std::lock_guard<std::mutex> lock(_mutex);
    _data = data;
    _data.auditRecords.clear();
}

void EmulatorState::reset() {
    DataSet fresh = loadInitialData();
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _data = std::move(fresh);
        _tokens = TokenStore(_options.data.seed, _options.accessTokenLifetimeSeconds);
        _compatibility = _options.compatibility;
        _changeRandom = SeededRandom(_options.data.seed ^ 0xC4A96EULL);
    }
    setFaults(_options.faults);
    _counters.reset();
}

} // namespace mockhost::emulator
