#include "data/DataGenerator.h"

#include "common/IsoTime.h"
#include "common/SeededRandom.h"
#include "data/OfferCatalog.h"

#include <Poco/Exception.h>
#include <Poco/Timespan.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace mockhost::emulator {

namespace {

const char* const kPrefixes[] = {
    "Northwind",     "Contoso",     "Fabrikam",  "Tailspin",  "Adatum",    "Litware",  "Proseware",
    "Wingtip",       "Woodgrove",   "Alpine",    "Coho",      "Lucerne",   "Margie's", "Trey",
    "Fourth Coffee", "Blue Yonder", "Relecloud", "VanArsdel", "Humongous", "Graphic"};
const char* const kSuffixes[] = {"Traders",    "Lab",    "Farm",     "Logistics", "Consulting",
                                 "Insurance",  "Bank",   "Airlines", "Health",    "Winery",
                                 "Publishing", "Travel", "Toys",     "Design",    "Software"};
const char* const kLegalForms[] = {"Ltd", "Inc.", "GmbH", "LLC", "S.A.", "BV", ""};
// Names a client must store and show without mangling.
const char* const kUnicodeNames[] = {
    "Müller Bäckerei GmbH",      "Société Générale d'Exemple", "東京テック株式会社",
    "Łódź Logistyka sp. z o.o.", "Ñandú Andes S.A.",           "Ørsted Fjord AS",
    "Αθήνα Ναυτιλιακή Α.Ε.",     "Çelik İnşaat A.Ş.",          "Café Zürich & Söhne",
    "北京云科技有限公司",        "Škoda Dílna s.r.o.",         "Москва Софт ООО"};
const char* const kFirstNames[] = {"Ada",   "Ben",  "Chloé", "Dmitri", "Eva",  "Farid",
                                   "Grace", "Hiro", "Ines",  "Jonas",  "Kofi", "Lena"};
const char* const kLastNames[] = {"Novak",    "Okafor", "Schmidt", "Tanaka", "Silva", "Dubois",
                                  "Kowalski", "Jensen", "Rossi",   "García", "Walsh", "Haddad"};
struct Place {
    const char* country;
    const char* culture;
    const char* city;
    const char* region;
    const char* postalCode;
};
const Place kPlaces[] = {{"US", "en-US", "Seattle", "WA", "98101"},
                         {"GB", "en-GB", "Leeds", "West Yorkshire", "LS11 5PS"},
                         {"DE", "de-DE", "München", "Bayern", "80331"},
                         {"FR", "fr-FR", "Lyon", "Rhône", "69002"},
                         {"JP", "ja-JP", "Tokyo", "Tokyo", "100-0001"},
                         {"NL", "nl-NL", "Utrecht", "Utrecht", "3511 AB"}};

template <typename T, std::size_t N> const T& pick(SeededRandom& random, const T (&items)[N]) {
    return items[random.below(N)];
}

std::string slug(const std::string& name) {
    std::string out;
    for (unsigned char c : name)
        if (std::isalnum(c) && c < 0x80)
            out += static_cast<char>(std::tolower(c));
    return out.empty() ? "tenant" : out.substr(0, 24);
}

Poco::Timestamp addDays(const Poco::Timestamp& time, long days) {
    return time + Poco::Timespan(days * Poco::Timespan::DAYS);
}

class Generator {
public:
    explicit Generator(const GeneratorOptions& options)
        : _options(options), _random(options.seed), _reference(IsoTime::date(2026, 11, 1)) {}

    DataSet run() {
        DataSet data;
        data.partner.tenantId = _random.guid();
        data.partner.name = "Contoso CSP Partner";
        data.partner.mpnId = "4810001";
        data.partner.domain = "contosocsp.onmicrosoft.com";
        makeResellers(data);
        makeCustomers(data);
        return data;
    }

private:
    void makeResellers(DataSet& data) {
        if (_options.model == SalesModel::Direct)
            return;
        int count = _options.resellerCount;
        if (count <= 0)
            count = std::max(3, _options.tenantCount / 25);
        for (int i = 0; i < count; ++i) {
            Reseller reseller;
            reseller.id = _random.guid();
            reseller.name =
                std::string(pick(_random, kPrefixes)) + " Reseller " + std::to_string(i + 1);
            reseller.mpnId = std::to_string(5200000 + i * 137 + _random.between(0, 99));
            reseller.location = pick(_random, kPlaces).country;
            data.resellers.push_back(reseller);
        }
    }

    void makeCustomers(DataSet& data) {
        const int count = _options.tenantCount;
        std::set<int> heavy;
        if (count >= 20)
            for (int i = 0; i < count / 150 + 1; ++i)
                heavy.insert(static_cast<int>(_random.below(static_cast<std::uint64_t>(count))));
        std::set<std::string> domains;
        for (int i = 0; i < count; ++i) {
            Customer customer;
            customer.id = _random.guid();
            customer.commerceId = _random.guid();
            customer.companyName = companyName(data);
            std::string domainStem = slug(customer.companyName);
            if (domains.count(domainStem))
                domainStem += std::to_string(i);
            domains.insert(domainStem);
            customer.domain = domainStem + ".onmicrosoft.com";
            customer.billingProfile = billingProfile(customer);
            const bool direct = chooseSellers(data, customer);
            int subscriptions = 0;
            if (heavy.count(i))
                subscriptions = _random.between(100, 220);
            else if (!_random.chance(0.08))
                subscriptions = _random.between(1, std::max(1, _options.maxSubscriptionsPerTenant));
            makeSubscriptions(data, customer, direct, subscriptions);
            data.customers.push_back(customer);
        }
    }

    std::string companyName(const DataSet& data) {
        if (!data.customers.empty() && _random.chance(0.05))
            return data.customers[_random.below(data.customers.size())].companyName;
        if (_random.chance(0.1))
            return pick(_random, kUnicodeNames);
        std::string name = std::string(pick(_random, kPrefixes)) + " " + pick(_random, kSuffixes);
        const std::string legal = pick(_random, kLegalForms);
        return legal.empty() ? name : name + " " + legal;
    }

    BillingProfile billingProfile(const Customer& customer) {
        BillingProfile b;
        const Place& place = pick(_random, kPlaces);
        b.id = _random.guid();
        b.firstName = pick(_random, kFirstNames);
        b.lastName = pick(_random, kLastNames);
        b.email = "billing@" + customer.domain;
        b.culture = place.culture;
        b.language = std::string(place.culture).substr(0, 2);
        b.companyName = customer.companyName;
        b.defaultAddress = {
            place.country,    place.region,
            place.city,       std::to_string(_random.between(1, 250)) + " Main Street",
            place.postalCode, b.firstName,
            b.lastName,       "1" + std::to_string(_random.between(200000000, 999999999))};
        b.etag = "-" + std::to_string(_random.below(900000000000000ULL) + 100000000000000ULL);
        return b;
    }

    /// Returns true when the partner also sells directly to this customer.
    bool chooseSellers(const DataSet& data, Customer& customer) {
        if (_options.model == SalesModel::Direct || data.resellers.empty())
            return true;
        const double r = _random.unit();
        const bool indirectOnly = _options.model == SalesModel::Indirect;
        if (!indirectOnly && r < 0.5)
            return true;
        const auto& first = data.resellers[_random.below(data.resellers.size())];
        customer.resellerIds.push_back(first.id);
        const bool second = indirectOnly ? r < 0.15 : r > 0.95;
        if (second && data.resellers.size() > 1) {
            const auto& other = data.resellers[_random.below(data.resellers.size())];
            if (other.id != first.id)
                customer.resellerIds.push_back(other.id);
        }
        // Mixed: bought both directly and through a reseller.
        return !indirectOnly && r >= 0.85 && r < 0.95;
    }

    void makeSubscriptions(const DataSet& data, Customer& customer, bool direct, int count) {
        std::vector<std::string> sellers;
        if (direct)
            sellers.push_back("");
        for (const auto& resellerId : customer.resellerIds)
            sellers.push_back(data.findReseller(resellerId)->mpnId);
        bool hasAzurePlan = false;
        bool hasLegacyAzure = false;
        for (int i = 0; i < count; ++i) {
            const std::string seller = sellers[_random.below(sellers.size())];
            const double r = _random.unit();
            Subscription s;
            if (r < 0.10 && !customer.subscriptions.empty()) {
                s = addOn(customer, seller);
            } else if (r < 0.25) {
                s = legacyLicense(seller);
            } else if (r < 0.31 && !hasAzurePlan) {
                s = legacyAzure(seller);
                hasLegacyAzure = true;
            } else if (r < 0.38 && !hasAzurePlan && !hasLegacyAzure) {
                s = azurePlan(seller);
                hasAzurePlan = true;
            } else {
                s = newCommerce(seller);
            }
            customer.subscriptions.push_back(s);
        }
    }

    void dates(Subscription& s, const Poco::Timestamp& created, long termDays, bool active) {
        const Poco::Timestamp withTicks = created + _random.below(86400000000ULL);
        s.creationDate = IsoTime::withFraction(withTicks);
        s.effectiveStartDate = IsoTime::seconds(created);
        Poco::Timestamp end = addDays(created, termDays - 1);
        if (active)
            while (end < _reference)
                end = addDays(end, termDays);
        s.commitmentEndDate = IsoTime::seconds(end);
    }

    void status(Subscription& s, double expiredShare) {
        const double r = _random.unit();
        if (r < expiredShare)
            s.status = "expired";
        else if (r < expiredShare + 0.05)
            s.status = "suspended";
        else if (r < expiredShare + 0.08)
            s.status = "deleted";
        else
            s.status = "active";
    }

    Subscription base(const Offer& offer, const std::string& seller) {
        Subscription s;
        s.id = _random.guid();
        s.offerId = offer.offerId;
        s.offerName = offer.name;
        s.partnerId = seller;
        s.orderId = _random.hex(12);
        s.friendlyName = offer.name;
        return s;
    }

    Subscription newCommerce(const std::string& seller) {
        const auto offers = OfferCatalog::byFamily(OfferFamily::NewCommerce, false);
        Subscription s = base(*offers[_random.below(offers.size())], seller);
        s.productTypeId = "OnlineServicesNCE";
        s.productTypeName = "OnlineServicesNCE";
        s.unitType = "Licenses";
        s.billingType = "license";
        s.quantity = _random.between(1, 60);
        const int term = _random.between(0, 9);
        long termDays = 365;
        if (term < 3) {
            s.termDuration = "P1M";
            s.billingCycle = "monthly";
            termDays = 30;
        } else if (term < 8) {
            s.termDuration = "P1Y";
            s.billingCycle = _random.chance(0.5) ? "annual" : "monthly";
        } else {
            s.termDuration = "P3Y";
            s.billingCycle = _random.chance(0.5) ? "triennial" : "annual";
            termDays = 3 * 365;
        }
        status(s, 0.06);
        s.autoRenewEnabled = s.status == "active" && _random.chance(0.85);
        s.isTrial = _random.chance(0.02);
        const auto created = addDays(IsoTime::date(2022, 3, 1), _random.between(0, 1680));
        dates(s, created, termDays, s.status == "active" || s.status == "suspended");
        if (_random.chance(0.1))
            s.migratedFromSubscriptionId = _random.guid();
        return s;
    }

    Subscription legacyLicense(const std::string& seller) {
        const auto offers = OfferCatalog::byFamily(OfferFamily::LegacyLicense, false);
        Subscription s = base(*offers[_random.below(offers.size())], seller);
        s.unitType = "Licenses";
        s.billingType = "license";
        s.billingCycle = _random.chance(0.7) ? "monthly" : "annual";
        s.quantity = _random.between(1, 120);
        status(s, 0.35);
        s.autoRenewEnabled = s.status == "active";
        const auto created = addDays(IsoTime::date(2016, 6, 1), _random.between(0, 2000));
        dates(s, created, 365, s.status == "active" || s.status == "suspended");
        return s;
    }

    Subscription legacyAzure(const std::string& seller) {
        Subscription s = base(*OfferCatalog::byFamily(OfferFamily::LegacyAzure, false)[0], seller);
        s.entitlementId = _random.guid();
        s.unitType = "Usage-based";
        s.billingType = "usage";
        s.billingCycle = "monthly";
        s.quantity = 1;
        status(s, 0.1);
        s.autoRenewEnabled = false;
        const auto created = addDays(IsoTime::date(2017, 1, 1), _random.between(0, 1800));
        s.creationDate = IsoTime::withFraction(created);
        s.effectiveStartDate = IsoTime::seconds(created);
        s.commitmentEndDate = "9999-12-10T00:00:00Z";
        return s;
    }

    Subscription azurePlan(const std::string& seller) {
        Subscription s = base(*OfferCatalog::byFamily(OfferFamily::AzurePlan, false)[0], seller);
        s.productTypeId = "Azure";
        s.productTypeName = "Azure";
        s.unitType = "Usage-based";
        s.billingType = "usage";
        s.billingCycle = "one_time";
        s.quantity = 1;
        status(s, 0.02);
        const auto created = addDays(IsoTime::date(2020, 1, 1), _random.between(0, 2400));
        s.creationDate = IsoTime::withFraction(created);
        s.effectiveStartDate = IsoTime::seconds(created);
        s.commitmentEndDate = "9999-12-31T00:00:00Z";
        return s;
    }

    Subscription addOn(const Customer& customer, const std::string& seller) {
        // The first licence-based base subscription hosts the add-on; fall back to NCE otherwise.
        for (const auto& parent : customer.subscriptions) {
            if (!parent.parentSubscriptionId.empty() || parent.unitType != "Licenses")
                continue;
            const bool nce = parent.productTypeId == "OnlineServicesNCE";
            const auto offers = OfferCatalog::byFamily(
                nce ? OfferFamily::NewCommerce : OfferFamily::LegacyLicense, true);
            Subscription s = base(*offers[0], parent.partnerId);
            s.parentSubscriptionId = parent.id;
            s.productTypeId = parent.productTypeId;
            s.productTypeName = parent.productTypeName;
            s.unitType = "Licenses";
            s.billingType = "license";
            s.billingCycle = parent.billingCycle;
            s.termDuration = parent.termDuration;
            s.quantity = _random.between(1, std::max(1, parent.quantity));
            s.status = parent.status;
            s.autoRenewEnabled = parent.autoRenewEnabled;
            s.creationDate = parent.creationDate;
            s.effectiveStartDate = parent.effectiveStartDate;
            s.commitmentEndDate = parent.commitmentEndDate;
            return s;
        }
        return newCommerce(seller);
    }

    const GeneratorOptions& _options;
    SeededRandom _random;
    Poco::Timestamp _reference;
};

} // namespace

DataSet DataGenerator::generate(const GeneratorOptions& options) {
    if (options.tenantCount < 0)
        throw Poco::InvalidArgumentException("tenant count must not be negative",
                                             std::to_string(options.tenantCount));
    if (options.resellerCount < 0)
        throw Poco::InvalidArgumentException("reseller count must not be negative",
                                             std::to_string(options.resellerCount));
    return Generator(options).run();
}

} // namespace mockhost::emulator
