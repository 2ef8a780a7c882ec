#include "catalog/ProductCatalog.h"
#include "cli/Commands.h"
#include "host/Host.h"

#include <iostream>

namespace mockhost {

int runProduct(const CommandLine& line) {
    line.allowOnly({"org", "name", "sku", "offer", "plan"});
    const auto& args = line.positionals();
    if (args.size() != 1 || args[0] != "add")
        throw std::invalid_argument("usage: mock-host product add --org ... (see help)");
    ProductRecord product;
    product.name = line.required("name");
    product.sku = line.required("sku");
    product.offerIds = line.values("offer");
    for (const std::string& plan : line.values("plan"))
        product.plans.push_back(BillingPlan::parse(plan));
    Host host(line.hostOptions());
    product.organizationId = host.organizations().require(line.required("org")).id;
    const std::int64_t id = ProductCatalog(host.database()).add(product);
    std::cout << "product " << id << " '" << product.name << "' added" << std::endl;
    return 0;
}

} // namespace mockhost
