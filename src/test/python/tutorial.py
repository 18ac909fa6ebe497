"""The SQLAlchemy tutorial's own model and session, run against the service's database to show that both share it.

    python3 tutorial.py URI create_all | add USERNAME PASSWORD | get USERNAME | columns | indexes
                        | update USERNAME FIELD=VALUE... | delete USERNAME | execute SQL | scalar SQL

URI is the one the service uses (sqlite:///..., postgresql://...). Rows are printed as JSON, timestamps as ISO-8601:
every one of them has been parsed by SQLAlchemy on the way.
"""
import json
import sys

from sqlalchemy import Boolean, Column, DateTime, Integer, String, create_engine, func, inspect, text
from sqlalchemy.orm import declarative_base, sessionmaker

Base = declarative_base()


class Account(Base):
    __tablename__ = "accounts"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), unique=True)
    password = Column(String(64))
    tokens = Column(Integer, default=10)
    verified = Column(Boolean, default=False)
    date_created = Column(DateTime, server_default=func.now())

    def __repr__(self):
        return f"<Account U: {self.username} T: {self.tokens} V: {self.verified}>"


def row(account):
    if account is None:
        return None
    return {"id": account.id, "username": account.username, "password": account.password, "tokens": account.tokens,
            "verified": account.verified, "date_created": account.date_created.isoformat()}


def value(field, text):
    if field == "verified":
        return text == "true"
    if field == "tokens":
        return int(text)
    return text


def main(uri, command, *args):
    engine = create_engine(uri)
    Session = sessionmaker(bind=engine)
    session = Session()
    if command == "create_all":
        Base.metadata.create_all(engine)
        return None
    if command == "columns":
        return [column["name"] for column in inspect(engine).get_columns("accounts")]
    if command == "indexes":
        return [index["name"] for index in inspect(engine).get_indexes("accounts")]
    if command == "execute":
        with engine.begin() as connection:
            connection.execute(text(args[0]))
        return None
    if command == "scalar":
        with engine.connect() as connection:
            return connection.execute(text(args[0])).scalar()
    if command == "add":
        account = Account(username=args[0], password=args[1])
        session.add(account)
        session.commit()
        return row(account)
    account = session.query(Account).filter_by(username=args[0]).first()
    if command == "get":
        return row(account)
    if command == "update":
        for assignment in args[1:]:
            field, raw = assignment.split("=", 1)
            setattr(account, field, value(field, raw))
        session.commit()
        return row(account)
    if command == "delete":
        session.delete(account)
        session.commit()
        return None
    raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:])))
