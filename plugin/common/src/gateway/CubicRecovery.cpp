#include "gateway/CubicRecovery.h"

#include <algorithm>

namespace ict::gateway {

CubicRecovery::CubicRecovery(double configuredPerMinute, std::chrono::duration<double> recoveryTime)
    : _configured(configuredPerMinute), _recoverySeconds(std::max(1.0, recoveryTime.count())) {}

void CubicRecovery::decrease(TimePoint now, double beta, double used) {
    _from = std::max(1e-9, std::min(rateAt(now), used));
    _drop = (1.0 - beta) * _from;
    _k = _recoverySeconds * (1.0 + _from / _configured) / 2.0;
    _at = now;
    _decreased = true;
}

double CubicRecovery::rateAt(TimePoint now) const {
    if (!_decreased)
        return _configured;
    const double t = std::max(0.0, std::chrono::duration<double>(now - _at).count());
    if (t >= _recoverySeconds)
        return _configured;
    if (t <= _k) {
        const double left = 1.0 - t / _k;
        return _from - _drop * left * left * left;
    }
    const double climbed = (t - _k) / (_recoverySeconds - _k);
    return std::min(_configured, _from + (_configured - _from) * climbed * climbed * climbed);
}

} // namespace ict::gateway
