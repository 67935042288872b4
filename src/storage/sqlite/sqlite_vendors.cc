// IT vendors' customers in SQLite (schema 6): the customer row and its result code are written in
// one transaction; every read for a vendor is scoped by the vendor in SQL.
#include "storage/sqlite/sqlite_storage.h"

namespace chosa {

namespace {

constexpr const char* kCustomerColumns =
    "customer_id, vendor, survey_id, link_hash, code_hash, sealed_identity, key_id, created_at";

VendorCustomerRecord ReadCustomerRow(const internal::SqliteStatement& stmt) {
  VendorCustomerRecord c;
  c.customer_id = stmt.ColumnInt(0);
  c.vendor = stmt.ColumnText(1);
  c.survey_id = stmt.ColumnText(2);
  c.link_hash = stmt.ColumnText(3);
  c.code_hash = stmt.ColumnText(4);
  c.sealed_identity = stmt.ColumnBlob(5);
  c.key_id = stmt.ColumnText(6);
  c.created_at = stmt.ColumnText(7);
  return c;
}

// Runs `stmt` (bound) and returns its single row, if any.
Result<std::optional<VendorCustomerRecord>> OneCustomer(internal::SqliteStatement& stmt) {
  CHOSA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<VendorCustomerRecord>();
  return std::optional<VendorCustomerRecord>(ReadCustomerRow(stmt));
}

}  // namespace

Status SqliteStorage::PutVendorCustomer(const ResultCodeRecord& code,
                                        VendorCustomerRecord* customer) {
  std::string now = Now();
  return InWriteTransaction([&]() -> Status {
    CHOSA_RETURN_IF_ERROR(InsertResultCode(code, now, /*keep_existing=*/false));
    CHOSA_ASSIGN_OR_RETURN(
        internal::StatementLease insert,
        db_.Cached("INSERT INTO vendor_customers (vendor, survey_id, link_hash, code_hash, "
                   "sealed_identity, key_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                   "RETURNING customer_id"));
    insert->BindText(1, customer->vendor);
    insert->BindText(2, customer->survey_id);
    insert->BindText(3, customer->link_hash);
    insert->BindText(4, code.code_hash);
    insert->BindBlob(5, customer->sealed_identity);
    insert->BindText(6, customer->key_id);
    insert->BindText(7, now);
    CHOSA_ASSIGN_OR_RETURN(bool row, insert->Step());
    if (!row) return Status::Internal("no customer id returned");
    customer->customer_id = insert->ColumnInt(0);
    customer->code_hash = code.code_hash;
    customer->created_at = now;
    return insert->Step().status();  // finish the statement before COMMIT
  });
}

Result<std::vector<VendorCustomerRecord>> SqliteStorage::ListVendorCustomers(
    std::string_view vendor) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached(std::string("SELECT ") + kCustomerColumns +
                 " FROM vendor_customers WHERE vendor = ?1 ORDER BY customer_id"));
  stmt->BindText(1, vendor);
  std::vector<VendorCustomerRecord> customers;
  while (true) {
    CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    customers.push_back(ReadCustomerRow(*stmt));
  }
  return customers;
}

Result<std::optional<VendorCustomerRecord>> SqliteStorage::GetVendorCustomer(
    std::string_view vendor, int64_t customer_id) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached(std::string("SELECT ") + kCustomerColumns +
                 " FROM vendor_customers WHERE vendor = ?1 AND customer_id = ?2"));
  stmt->BindText(1, vendor);
  stmt->BindInt(2, customer_id);
  return OneCustomer(*stmt);
}

Status SqliteStorage::UpdateVendorCustomerIdentity(std::string_view vendor, int64_t customer_id,
                                                   std::string_view sealed_identity,
                                                   std::string_view key_id) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached("UPDATE vendor_customers SET sealed_identity = ?3, key_id = ?4 "
                 "WHERE vendor = ?1 AND customer_id = ?2 RETURNING customer_id"));
  stmt->BindText(1, vendor);
  stmt->BindInt(2, customer_id);
  stmt->BindBlob(3, sealed_identity);
  stmt->BindText(4, key_id);
  CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return Status::NotFound("no such customer");
  return stmt->Step().status();  // finish the statement
}

Status SqliteStorage::DeleteVendorCustomer(std::string_view vendor, int64_t customer_id) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached("DELETE FROM vendor_customers WHERE vendor = ?1 AND customer_id = ?2 "
                 "RETURNING customer_id"));
  stmt->BindText(1, vendor);
  stmt->BindInt(2, customer_id);
  CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return Status::NotFound("no such customer");
  return stmt->Step().status();  // finish the statement
}

Result<std::optional<VendorCustomerRecord>> SqliteStorage::FindVendorCustomerByLink(
    std::string_view link_hash) {
  CHOSA_ASSIGN_OR_RETURN(internal::StatementLease stmt,
                         db_.Cached(std::string("SELECT ") + kCustomerColumns +
                                    " FROM vendor_customers WHERE link_hash = ?1"));
  stmt->BindText(1, link_hash);
  return OneCustomer(*stmt);
}

Result<std::vector<VendorCustomerCode>> SqliteStorage::VendorCustomerCodes(
    std::string_view survey_id) {
  CHOSA_ASSIGN_OR_RETURN(
      internal::StatementLease stmt,
      db_.Cached("SELECT vendor, code_hash FROM vendor_customers WHERE survey_id = ?1 "
                 "ORDER BY customer_id"));
  stmt->BindText(1, survey_id);
  std::vector<VendorCustomerCode> codes;
  while (true) {
    CHOSA_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    codes.push_back({std::string(stmt->ColumnText(0)), std::string(stmt->ColumnText(1))});
  }
  return codes;
}

}  // namespace chosa
