#include "core/portable_math.h"

#include <gtest/gtest.h>

#include <cmath>

namespace symcheck {
namespace {

TEST(PortableMathTest, LogMatchesLibmClosely) {
  for (double x : {1e-300, 1e-10, 0.005, 0.3, 0.5, 0.7071, 1.0, 1.5, 2.0, 10.0, 12345.678, 1e300}) {
    EXPECT_NEAR(PortableLog(x), std::log(x), 4e-16 * std::max(1.0, std::fabs(std::log(x)))) << x;
  }
}

TEST(PortableMathTest, ExpMatchesLibmClosely) {
  for (double x : {-700.0, -50.0, -1.0, -0.3466, 0.0, 0.1, 1.0, 5.3, 50.0, 700.0}) {
    EXPECT_NEAR(PortableExp(x) / std::exp(x), 1.0, 4e-16) << x;
  }
}

TEST(PortableMathTest, EdgeCases) {
  EXPECT_EQ(PortableExp(-800.0), 0.0);
  EXPECT_TRUE(std::isinf(PortableExp(800.0)));
  EXPECT_TRUE(std::isinf(PortableLog(0.0)));
  EXPECT_TRUE(std::isnan(PortableLog(-1.0)));
  EXPECT_EQ(PortableLog(1.0), 0.0);
  EXPECT_EQ(PortableExp(0.0), 1.0);
}

}  // namespace
}  // namespace symcheck
