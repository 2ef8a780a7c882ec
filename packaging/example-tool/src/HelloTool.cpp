// The smallest useful BSS tool: one action, "hello", that greets the caller's organization.
#include <bss/sdk/CallContext.h>
#include <bss/sdk/ToolExport.h>

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <new>
#include <sstream>

namespace example {

class HelloTool : public bss::sdk::Tool {
public:
    bss::sdk::ToolDescriptor descriptor() const override {
        return {"example-hello",
                "Example Hello Tool",
                EXAMPLE_TOOL_VERSION,
                "BSS Setup > Tools",
                bss::sdk::kPermissionSystemAdmin,
                {{"hello", "Greets the caller: {\"name\": text} -> {\"greeting\": text}"}}};
    }

    void start(bss::sdk::HostServices& services) override {
        _services = &services;
        _services->logger().info("example-hello started");
    }

    void stop() noexcept override { _services = nullptr; }

    std::string handle(const bss::sdk::ActionRequest& request) override {
        if (request.action != "hello")
            throw bss::sdk::ToolError(bss::sdk::ErrorCode::NotFound,
                                      "unknown action '" + request.action + "'");
        std::string name = "world";
        try {
            Poco::JSON::Parser parser;
            const auto body = parser.parse(request.bodyJson).extract<Poco::JSON::Object::Ptr>();
            if (body->has("name"))
                name = body->getValue<std::string>("name");
        } catch (const Poco::Exception& e) {
            throw bss::sdk::ToolError(bss::sdk::ErrorCode::InvalidInput,
                                      "body must be a JSON object with a text 'name': " +
                                          e.displayText());
        }
        Poco::JSON::Object answer;
        answer.set("greeting", "Hello, " + name + "!");
        std::ostringstream out;
        answer.stringify(out);
        return out.str();
    }

private:
    bss::sdk::HostServices* _services = nullptr;
};

const bss::sdk::AbiInfo* abiInfo() {
    static const bss::sdk::AbiInfo info = BSS_SDK_ABI_INFO("example-hello", EXAMPLE_TOOL_VERSION);
    return &info;
}

bss::sdk::Tool* createTool() {
    return new (std::nothrow) HelloTool();
}

} // namespace example

BSS_DECLARE_TOOL(example::abiInfo, example::createTool)
