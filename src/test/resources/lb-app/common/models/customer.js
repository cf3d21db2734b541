'use strict';
module.exports = function(Customer) {
  Customer.greet = function(cb) { cb(null, 'hello'); };
};
